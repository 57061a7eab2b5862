//! A load run against a fake whose traffic mixes resources: concurrent clients create, list,
//! patch, read and delete devices of a few shared applications (created through the API at
//! the start) while they read and patch Me's profile, add and list recent items and rotate
//! their tokens (`refreshToken`, `changePassword`). Every answer is checked as it comes, and
//! the end state once every client is done:
//!
//! - **lost updates**: each device is owned by the one client that created it, which sends
//!   one request at a time, so the last write it saw accepted (the create or a PATCH) is
//!   exactly what any later GET, listing or PATCH answer of that device must show; a created
//!   device must be listed until its owner deletes it; each client's recent items must be
//!   its last accepted additions;
//! - **listed after delete**: a listing (or GET) started after a DELETE was answered must not
//!   hold that device (deletes are registered, with the instant their answer arrived, in a
//!   table every client checks);
//! - **count mismatches**: `count` is the number of items of the page and `totalCount`
//!   agrees with it: a listing of all of an application's devices in one page holds exactly
//!   `totalCount` items, a page of `perPage` holds `min(perPage, totalCount - page * perPage)`;
//!   at the end, every page of a walk agrees with the one-page listing (same total, the same
//!   devices in the same order) and the listing holds exactly the devices the clients own;
//! - **statuses**: every status is one the documents give for the action (successes and
//!   errors, from the fake's endpoint model), and the one the run expects.
//!
//! Shared by `examples/load.rs` (64 clients, 10,000 requests) and the scaled-down run of the
//! normal tests (`tests/load.rs`).

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{json, Value};
use wegnology_fake::{FakeConfig, FakeServer};

/// What a run does.
#[derive(Debug, Clone, Copy)]
pub struct LoadPlan {
    pub clients: usize,
    /// Requests of the run proper (the setup and the end-state checks come on top).
    pub requests: usize,
    /// Applications created at the start; client `n` works on application `n % applications`.
    pub applications: usize,
}

/// Devices per page of the paged listings.
const PAGE_SIZE: usize = 4;
/// `perPage` of the listings of all of an application's devices in one page.
const ONE_PAGE: usize = 1000;
/// Violation messages kept for the report, per kind (the counts are complete).
const MESSAGES_KEPT: usize = 5;

/// The kinds of broken rule a run counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violation {
    LostUpdate,
    ListedAfterDelete,
    CountMismatch,
    UndocumentedStatus,
    UnexpectedStatus,
    TornProfile,
}

impl Violation {
    fn label(self) -> &'static str {
        match self {
            Violation::LostUpdate => "lost update",
            Violation::ListedAfterDelete => "listed after delete",
            Violation::CountMismatch => "count mismatch",
            Violation::UndocumentedStatus => "undocumented status",
            Violation::UnexpectedStatus => "unexpected status",
            Violation::TornProfile => "torn profile",
        }
    }
}

/// What a run saw.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub clients: usize,
    pub applications: usize,
    /// Requests of the run proper.
    pub requests: usize,
    /// Requests of the setup (the applications) and of the end-state checks.
    pub check_requests: usize,
    pub statuses: BTreeMap<u16, usize>,
    pub transport_errors: usize,
    pub token_rotations: usize,
    pub password_changes: usize,
    pub devices_created: usize,
    pub devices_deleted: usize,
    pub device_patches: usize,
    pub listings: usize,
    /// Accepted device writes (create, PATCH) not shown by a later read of the device, and
    /// created devices missing from a later listing.
    pub lost_device_updates: usize,
    /// Recent-item additions answered 200 that are missing from (or out of order in) the
    /// client's list afterwards.
    pub lost_recent_items: usize,
    /// Devices listed (or read) by a request started after their DELETE was answered.
    pub listed_after_delete: usize,
    /// Listings whose `count`, `totalCount` and items disagree (within a page, across the
    /// pages of a walk, or with the devices the clients own at the end).
    pub count_mismatches: usize,
    /// Statuses the documents do not give for the action.
    pub undocumented_statuses: usize,
    /// Documented statuses other than the one the run expected (e.g. 404 for a live device).
    pub unexpected_statuses: usize,
    /// `GET /me` answers whose firstName and lastName come from different PATCHes.
    pub torn_profiles: usize,
    /// The final profile is not one that a PATCH answered 200 for.
    pub unknown_final_profile: bool,
    /// The first violations of each kind, one line each.
    pub messages: Vec<String>,
    pub elapsed: Duration,
    pub rss_before_kib: Option<u64>,
    pub rss_after_kib: Option<u64>,
    pub tokens_held: usize,
}

impl LoadReport {
    /// Requests answered with a status other than the expected one, or not at all.
    pub fn unexpected(&self) -> usize {
        self.undocumented_statuses + self.unexpected_statuses + self.transport_errors
    }

    /// Accepted updates lost, of devices or of Me's recent items.
    pub fn lost_updates(&self) -> usize {
        self.lost_device_updates + self.lost_recent_items
    }

    /// Every broken rule; 0 when the run held.
    pub fn violations(&self) -> usize {
        self.lost_updates()
            + self.listed_after_delete
            + self.count_mismatches
            + self.unexpected()
            + self.torn_profiles
            + usize::from(self.unknown_final_profile)
    }

    fn violation(&mut self, kind: Violation, message: String) {
        *match kind {
            Violation::LostUpdate => &mut self.lost_device_updates,
            Violation::ListedAfterDelete => &mut self.listed_after_delete,
            Violation::CountMismatch => &mut self.count_mismatches,
            Violation::UndocumentedStatus => &mut self.undocumented_statuses,
            Violation::UnexpectedStatus => &mut self.unexpected_statuses,
            Violation::TornProfile => &mut self.torn_profiles,
        } += 1;
        self.note(kind.label(), message);
    }

    fn note(&mut self, label: &str, message: String) {
        self.keep(format!("{label}: {message}"));
    }

    /// Keeps a message unless its kind has [`MESSAGES_KEPT`] already.
    fn keep(&mut self, message: String) {
        let label = message.split(':').next().unwrap_or_default();
        let same = self
            .messages
            .iter()
            .filter(|kept| kept.split(':').next() == Some(label))
            .count();
        if same < MESSAGES_KEPT {
            self.messages.push(message);
        }
    }

    /// Adds another report's counts (not its timings or memory figures).
    fn absorb(&mut self, other: &LoadReport) {
        for (status, count) in &other.statuses {
            *self.statuses.entry(*status).or_default() += count;
        }
        self.transport_errors += other.transport_errors;
        self.token_rotations += other.token_rotations;
        self.password_changes += other.password_changes;
        self.devices_created += other.devices_created;
        self.devices_deleted += other.devices_deleted;
        self.device_patches += other.device_patches;
        self.listings += other.listings;
        self.lost_device_updates += other.lost_device_updates;
        self.lost_recent_items += other.lost_recent_items;
        self.listed_after_delete += other.listed_after_delete;
        self.count_mismatches += other.count_mismatches;
        self.undocumented_statuses += other.undocumented_statuses;
        self.unexpected_statuses += other.unexpected_statuses;
        self.torn_profiles += other.torn_profiles;
        for message in &other.messages {
            self.keep(message.clone());
        }
    }

    fn sent(&self) -> usize {
        self.statuses.values().sum::<usize>() + self.transport_errors
    }
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.elapsed.as_secs_f64();
        let rate = self.requests as f64 / seconds.max(1e-9);
        writeln!(
            f,
            "requests: {} from {} concurrent clients on {} applications in {seconds:.2} s \
             ({rate:.0} requests/s); {} more to set up and check the end state",
            self.requests, self.clients, self.applications, self.check_requests
        )?;
        writeln!(f, "statuses: {:?}", self.statuses)?;
        writeln!(
            f,
            "devices: {} created, {} deleted, {} PATCHes accepted, {} listings",
            self.devices_created, self.devices_deleted, self.device_patches, self.listings
        )?;
        writeln!(
            f,
            "token rotations: {} (of which change_password: {}); tokens held at the end: {}",
            self.token_rotations, self.password_changes, self.tokens_held
        )?;
        writeln!(
            f,
            "violations: lost updates {} (devices {}, recent items {}); listed after delete {}; \
             count mismatches {}",
            self.lost_updates(),
            self.lost_device_updates,
            self.lost_recent_items,
            self.listed_after_delete,
            self.count_mismatches
        )?;
        writeln!(
            f,
            "status checks: undocumented {}, documented but unexpected {}, transport errors {}; \
             torn profiles {}; final profile from an accepted PATCH: {}",
            self.undocumented_statuses,
            self.unexpected_statuses,
            self.transport_errors,
            self.torn_profiles,
            !self.unknown_final_profile
        )?;
        let kib = |v: Option<u64>| v.map_or("unknown".to_string(), |v| format!("{v} KiB"));
        write!(
            f,
            "resident memory of the process (fake and clients): before {}, after {}",
            kib(self.rss_before_kib),
            kib(self.rss_after_kib)
        )?;
        for message in &self.messages {
            write!(f, "\nviolation: {message}")?;
        }
        Ok(())
    }
}

/// Resident memory of this process, from /proc (Linux); `None` elsewhere.
pub fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A 24-hex-digit id from two numbers.
fn id(high: usize, low: usize) -> String {
    format!("{high:08x}{low:016x}")
}

/// The actions the run sends, as `resource.action`: their documented statuses are looked up
/// in the served model.
const ACTIONS: [&str; 11] = [
    "applications.post",
    "devices.post",
    "devices.get",
    "device.get",
    "device.patch",
    "device.delete",
    "me.get",
    "me.patch",
    "me.addRecentItem",
    "me.fetchRecentItems",
    "me.refreshToken",
];
const CHANGE_PASSWORD: &str = "me.changePassword";

/// What every client shares.
struct Shared {
    url: String,
    http: reqwest::Client,
    /// Per action (`device.patch`), the statuses its documents give (successes and errors).
    documented: HashMap<String, Vec<u16>>,
    /// Deleted device ids, with the instant their DELETE's answer arrived.
    deleted: Mutex<HashMap<String, Instant>>,
}

impl Shared {
    fn new(server: &FakeServer, http: reqwest::Client) -> Shared {
        let documented: HashMap<String, Vec<u16>> = server
            .model()
            .actions
            .iter()
            .map(|action| {
                let statuses = action
                    .successes
                    .iter()
                    .chain(&action.errors)
                    .map(|response| response.status)
                    .collect();
                (
                    format!("{}.{}", action.resource, action.camel_name),
                    statuses,
                )
            })
            .collect();
        for name in ACTIONS.iter().chain([&CHANGE_PASSWORD]) {
            assert!(
                documented.contains_key(*name),
                "the served model has no action {name}"
            );
        }
        Shared {
            url: server.url(),
            http,
            documented,
            deleted: Mutex::new(HashMap::new()),
        }
    }

    fn deleted(&self) -> std::sync::MutexGuard<'_, HashMap<String, Instant>> {
        self.deleted
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// An answer: its status (`None`: no answer), body, and when the request was sent.
struct Reply {
    status: Option<u16>,
    body: Option<Value>,
    started: Instant,
}

/// A device a client created and has not deleted.
#[derive(Debug, Clone)]
struct Owned {
    id: String,
    path: String,
    name: String,
    /// The sequence number of the last write answered with success (0: the create).
    written: u64,
    /// A write that got no answer: it may or may not have landed.
    pending: Option<u64>,
}

impl Owned {
    fn description(name: &str, write: u64) -> String {
        format!("{name} write {write}")
    }
}

/// The body of a device write: the description and a tag both carry the write's number.
fn device_body(number: usize, name: &str, write: u64) -> Value {
    json!({
        "description": Owned::description(name, write),
        "tags": [
            {"key": "owner", "value": format!("client{number}")},
            {"key": "write", "value": write.to_string()},
        ],
    })
}

/// The id of a listed or read device.
fn device_id(item: &Value) -> Option<&str> {
    item["deviceId"].as_str().or_else(|| item["id"].as_str())
}

/// Checks that `seen` (an answer showing `owned`) holds its last accepted write.
fn check_device(report: &mut LoadReport, owned: &mut Owned, seen: &Value, when: &str) {
    let description = seen["description"].as_str().unwrap_or_default();
    let tag = seen["tags"]
        .as_array()
        .and_then(|tags| tags.iter().find(|tag| tag["key"] == "write"))
        .and_then(|tag| tag["value"].as_str())
        .unwrap_or_default();
    let shows = |write: u64| {
        description == Owned::description(&owned.name, write) && tag == write.to_string()
    };
    if shows(owned.written) {
        return;
    }
    if let Some(pending) = owned.pending.filter(|pending| shows(*pending)) {
        owned.written = pending;
        owned.pending = None;
        return;
    }
    report.violation(
        Violation::LostUpdate,
        format!(
            "{when}: device {} shows description {description:?} (write tag {tag:?}); \
             the last accepted write was {:?}",
            owned.path,
            Owned::description(&owned.name, owned.written)
        ),
    );
}

struct Client {
    number: usize,
    shared: Arc<Shared>,
    token: String,
    /// The application this client's devices live in.
    application: String,
    /// The item ids this client added and the fake accepted, newest first (at most 10).
    added: VecDeque<String>,
    /// Tags of this client's PATCHes answered 200.
    patched: Vec<String>,
    /// Live devices, oldest first.
    devices: Vec<Owned>,
    /// Devices created so far (for their names) and writes sent (their numbers).
    made: usize,
    writes: u64,
    /// The device this client deleted last, to read once (404 expected).
    last_deleted: Option<Owned>,
    /// The next page of this client's paged walk of its application's devices.
    page: usize,
    report: LoadReport,
}

impl Client {
    fn new(number: usize, shared: Arc<Shared>, token: String, application: String) -> Client {
        Client {
            number,
            shared,
            token,
            application,
            added: VecDeque::new(),
            patched: Vec::new(),
            devices: Vec::new(),
            made: 0,
            writes: 0,
            last_deleted: None,
            page: 0,
            report: LoadReport::default(),
        }
    }

    /// Sends a request of `action`; counts a status that is not documented for it or is not
    /// `expected`.
    async fn send(
        &mut self,
        action: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
        expected: u16,
    ) -> Reply {
        let mut request = self
            .shared
            .http
            .request(method.clone(), format!("{}{path}", self.shared.url))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let started = Instant::now();
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => {
                self.report.transport_errors += 1;
                self.report
                    .note("transport error", format!("{method} {path}: {error}"));
                return Reply {
                    status: None,
                    body: None,
                    started,
                };
            }
        };
        let status = response.status().as_u16();
        *self.report.statuses.entry(status).or_default() += 1;
        let body = response.json::<Value>().await.ok();
        let documented = self
            .shared
            .documented
            .get(action)
            .is_some_and(|statuses| statuses.contains(&status));
        if !documented {
            self.report.violation(
                Violation::UndocumentedStatus,
                format!("{method} {path} ({action}) answered {status}: {body:?}"),
            );
        } else if status != expected {
            self.report.violation(
                Violation::UnexpectedStatus,
                format!(
                    "{method} {path} ({action}) answered {status}, expected {expected}: {body:?}"
                ),
            );
        }
        Reply {
            status: Some(status),
            body,
            started,
        }
    }

    /// The body of an answer with the expected status.
    async fn expect(
        &mut self,
        action: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
        expected: u16,
    ) -> Option<Value> {
        let reply = self.send(action, method, path, body, expected).await;
        if reply.status == Some(expected) {
            Some(reply.body.unwrap_or_default())
        } else {
            None
        }
    }

    fn rotate(&mut self, answer: Option<Value>) {
        if let Some(token) = answer.as_ref().and_then(|a| a["token"].as_str()) {
            self.token = token.to_string();
            self.report.token_rotations += 1;
        }
    }

    fn check_profile(&mut self, me: &Value) {
        let first = me["firstName"].as_str().unwrap_or_default();
        let last = me["lastName"].as_str().unwrap_or_default();
        let whole = (first == "Example" && last == "User") || last == format!("{first}-last");
        if !whole {
            self.report.violation(
                Violation::TornProfile,
                format!("GET /me shows firstName {first:?} with lastName {last:?}"),
            );
        }
    }

    /// Compares this client's recent list with what it added; counts what is missing.
    fn check_recent(&mut self, list: &Value) {
        let items: Vec<&str> = list["items"]
            .as_array()
            .map(|items| items.iter().filter_map(|i| i["id"].as_str()).collect())
            .unwrap_or_default();
        let expected: Vec<&str> = self.added.iter().map(String::as_str).collect();
        if items != expected {
            let lost = expected
                .iter()
                .enumerate()
                .filter(|(index, id)| items.get(*index) != Some(id))
                .count()
                .max(1);
            self.report.lost_recent_items += lost;
            self.report.note(
                "lost update",
                format!(
                    "client {}'s recent items are {items:?}, it added {expected:?}",
                    self.number
                ),
            );
        }
    }

    fn parent(&self) -> String {
        id(0xC1, self.number)
    }

    fn devices_path(&self) -> String {
        format!("/applications/{}/devices", self.application)
    }

    fn listing_path(application: &str, page: usize, per_page: usize) -> String {
        format!(
            "/applications/{application}/devices?sortField=name&sortDirection=asc\
             &page={page}&perPage={per_page}"
        )
    }

    async fn create_device(&mut self) {
        self.made += 1;
        let name = format!("c{:03}-d{:04}", self.number, self.made);
        let mut body = device_body(self.number, &name, 0);
        body["name"] = Value::from(name.clone());
        let path = self.devices_path();
        let Some(created) = self
            .expect("devices.post", Method::POST, &path, Some(body), 201)
            .await
        else {
            return;
        };
        let Some(id) = device_id(&created).map(str::to_string) else {
            self.report.violation(
                Violation::LostUpdate,
                format!("POST {path} answered 201 without a device id: {created}"),
            );
            return;
        };
        self.report.devices_created += 1;
        let mut owned = Owned {
            path: format!("{path}/{id}"),
            id,
            name,
            written: 0,
            pending: None,
        };
        check_device(
            &mut self.report,
            &mut owned,
            &created,
            "the create's answer",
        );
        self.devices.push(owned);
    }

    async fn patch_device(&mut self, step: usize) {
        if self.devices.is_empty() {
            return self.create_device().await;
        }
        let index = step % self.devices.len();
        self.writes += 1;
        let write = self.writes;
        let (path, name) = {
            let owned = &self.devices[index];
            (owned.path.clone(), owned.name.clone())
        };
        let body = device_body(self.number, &name, write);
        let reply = self
            .send("device.patch", Method::PATCH, &path, Some(body), 200)
            .await;
        match reply.status {
            Some(200) => {
                self.report.device_patches += 1;
                let owned = &mut self.devices[index];
                owned.written = write;
                owned.pending = None;
                let answer = reply.body.unwrap_or_default();
                check_device(&mut self.report, owned, &answer, "the PATCH's answer");
            }
            None => self.devices[index].pending = Some(write),
            Some(_) => {}
        }
    }

    async fn read_device(&mut self, step: usize, deleted_first: bool) {
        if let Some(gone) = self.last_deleted.take().filter(|_| deleted_first) {
            let reply = self
                .send("device.get", Method::GET, &gone.path, None, 404)
                .await;
            if reply.status == Some(200) {
                self.report.violation(
                    Violation::ListedAfterDelete,
                    format!(
                        "GET {} answered 200 after its DELETE was answered",
                        gone.path
                    ),
                );
            }
            return;
        }
        if self.devices.is_empty() {
            return self.create_device().await;
        }
        let index = step % self.devices.len();
        let path = self.devices[index].path.clone();
        if let Some(device) = self
            .expect("device.get", Method::GET, &path, None, 200)
            .await
        {
            check_device(&mut self.report, &mut self.devices[index], &device, "a GET");
        }
    }

    async fn delete_device(&mut self) {
        if self.devices.is_empty() {
            return self.create_device().await;
        }
        let owned = self.devices.remove(0);
        let reply = self
            .send("device.delete", Method::DELETE, &owned.path, None, 200)
            .await;
        if reply.status == Some(200) {
            // Under the table's lock, so a listing that checks it after starting later than
            // this instant finds the entry.
            self.shared
                .deleted()
                .insert(owned.id.clone(), Instant::now());
            self.report.devices_deleted += 1;
            self.last_deleted = Some(owned);
        }
    }

    /// Lists this client's application's devices: all in one page, or the next page of a walk.
    async fn list_devices(&mut self, paged: bool) {
        let (page, per_page) = if paged {
            (self.page, PAGE_SIZE)
        } else {
            (0, ONE_PAGE)
        };
        let path = Self::listing_path(&self.application, page, per_page);
        let reply = self
            .send("devices.get", Method::GET, &path, None, 200)
            .await;
        let (Some(200), Some(listing)) = (reply.status, reply.body) else {
            return;
        };
        self.report.listings += 1;
        let total = check_listing(
            &mut self.report,
            &self.shared,
            &path,
            reply.started,
            &listing,
            page,
            per_page,
        );
        // This client's own devices did not change while the listing ran: each one listed
        // shows its last accepted write, and a one-page listing holds them all.
        let listed: HashMap<&str, &Value> = listed_items(&listing)
            .iter()
            .filter_map(|item| Some((device_id(item)?, item)))
            .collect();
        for owned in &mut self.devices {
            match listed.get(owned.id.as_str()) {
                Some(item) => check_device(&mut self.report, owned, item, "a listing"),
                None if !paged => self.report.violation(
                    Violation::LostUpdate,
                    format!("{path}: created device {} is not listed", owned.path),
                ),
                None => {}
            }
        }
        if paged {
            self.page = match total {
                Some(total) if (page + 1) * per_page < total => page + 1,
                _ => 0,
            };
        }
    }

    async fn step(&mut self, step: usize) {
        let parent = self.parent();
        match step % 20 {
            0 | 10 => self.create_device().await,
            1 | 4 | 8 | 15 => self.patch_device(step).await,
            2 | 12 => self.list_devices(false).await,
            7 | 19 => self.list_devices(true).await,
            5 => self.read_device(step, false).await,
            17 => self.read_device(step, true).await,
            11 | 18 => self.delete_device().await,
            3 => {
                if let Some(me) = self.expect("me.get", Method::GET, "/me", None, 200).await {
                    self.check_profile(&me);
                }
            }
            13 => {
                let tag = format!("client{}-step{step}", self.number);
                let body = json!({"firstName": tag, "lastName": format!("{tag}-last")});
                if let Some(me) = self
                    .expect("me.patch", Method::PATCH, "/me", Some(body), 200)
                    .await
                {
                    self.check_profile(&me);
                    self.patched.push(tag);
                }
            }
            9 => {
                let item = id(self.number, step);
                let body = json!({"itemType": "device", "parentId": parent, "itemId": item});
                if self
                    .expect(
                        "me.addRecentItem",
                        Method::POST,
                        "/me/recentItems",
                        Some(body),
                        200,
                    )
                    .await
                    .is_some()
                {
                    self.added.retain(|known| *known != item);
                    self.added.push_front(item);
                    self.added.truncate(10);
                }
            }
            16 => {
                let path = format!("/me/recentItems?itemType=device&parentId={parent}");
                if let Some(list) = self
                    .expect("me.fetchRecentItems", Method::GET, &path, None, 200)
                    .await
                {
                    self.check_recent(&list);
                }
            }
            6 => {
                let answer = self
                    .expect(
                        "me.refreshToken",
                        Method::GET,
                        "/me/refreshToken",
                        None,
                        200,
                    )
                    .await;
                self.rotate(answer);
            }
            _ => {
                // The same password back: every client can change it at any time, and each
                // change hands out a new token that the client goes on with.
                let password = FakeConfig::DEFAULT_PASSWORD;
                let body = json!({"password": password, "newPassword": password});
                let answer = self
                    .expect(
                        CHANGE_PASSWORD,
                        Method::PATCH,
                        "/me/changePassword",
                        Some(body),
                        200,
                    )
                    .await;
                if answer.is_some() {
                    self.report.password_changes += 1;
                }
                self.rotate(answer);
            }
        }
    }
}

fn listed_items(listing: &Value) -> &[Value] {
    listing["items"].as_array().map_or(&[], Vec::as_slice)
}

/// Checks one page of a device listing sent at `started`: its counts agree with its items
/// and `totalCount`, no device in it is one deleted before `started`, none twice. Returns
/// `totalCount`.
fn check_listing(
    report: &mut LoadReport,
    shared: &Shared,
    path: &str,
    started: Instant,
    listing: &Value,
    page: usize,
    per_page: usize,
) -> Option<usize> {
    let items = listed_items(listing);
    let (Some(total), Some(count)) = (
        listing["totalCount"].as_u64().map(|n| n as usize),
        listing["count"].as_u64().map(|n| n as usize),
    ) else {
        report.violation(
            Violation::CountMismatch,
            format!("{path}: no count or totalCount in {listing}"),
        );
        return None;
    };
    let on_page = per_page.min(total.saturating_sub(page * per_page));
    if count != items.len() || items.len() != on_page {
        report.violation(
            Violation::CountMismatch,
            format!(
                "{path}: {} items, count {count}, totalCount {total} (a page of {per_page} \
                 from page {page} should hold {on_page})",
                items.len()
            ),
        );
    }
    if page == 0 && per_page == ONE_PAGE && total > ONE_PAGE {
        report.violation(
            Violation::CountMismatch,
            format!("{path}: totalCount {total} does not fit in one page; raise ONE_PAGE"),
        );
    }
    let mut seen = HashSet::new();
    let deleted = shared.deleted();
    for item in items {
        let Some(id) = device_id(item) else {
            report.violation(
                Violation::CountMismatch,
                format!("{path}: an item without an id: {item}"),
            );
            continue;
        };
        if !seen.insert(id) {
            report.violation(
                Violation::CountMismatch,
                format!("{path}: device {id} listed twice"),
            );
        }
        if let Some(at) = deleted.get(id) {
            if *at < started {
                report.violation(
                    Violation::ListedAfterDelete,
                    format!(
                        "{path}: device {id} listed by a request sent {:.2?} after its DELETE \
                         was answered",
                        started - *at
                    ),
                );
            }
        }
    }
    Some(total)
}

/// After the run, with every client done: each application's one-page listing holds exactly
/// the devices its clients own, each showing its last accepted write; a walk of all its pages
/// agrees with it; a GET of each owned device shows its last accepted write.
async fn check_end_state(checker: &mut Client, clients: &mut [Client], applications: &[String]) {
    let exact = clients
        .iter()
        .all(|client| client.report.transport_errors == 0);
    for application in applications {
        let path = Client::listing_path(application, 0, ONE_PAGE);
        let reply = checker
            .send("devices.get", Method::GET, &path, None, 200)
            .await;
        let (Some(200), Some(listing)) = (reply.status, reply.body) else {
            continue;
        };
        let total = check_listing(
            &mut checker.report,
            &checker.shared,
            &path,
            reply.started,
            &listing,
            0,
            ONE_PAGE,
        );
        let items = listed_items(&listing);
        let ids: Vec<&str> = items.iter().filter_map(device_id).collect();
        let mut owned_here = HashSet::new();
        for client in clients
            .iter_mut()
            .filter(|client| client.application == *application)
        {
            for owned in &mut client.devices {
                owned_here.insert(owned.id.clone());
                match items
                    .iter()
                    .find(|item| device_id(item) == Some(owned.id.as_str()))
                {
                    Some(item) => {
                        check_device(&mut checker.report, owned, item, "the final listing")
                    }
                    None => checker.report.violation(
                        Violation::LostUpdate,
                        format!("{path}: created device {} is not listed", owned.path),
                    ),
                }
            }
        }
        let strangers = ids.iter().filter(|id| !owned_here.contains(**id)).count();
        if exact && strangers > 0 {
            checker.report.violation(
                Violation::CountMismatch,
                format!(
                    "{path}: {} devices listed, {strangers} of them owned by no client",
                    ids.len()
                ),
            );
        }
        // Every page of a walk: the same total, and together the same devices in order.
        let mut walked: Vec<String> = Vec::new();
        if let Some(total) = total {
            for page in 0..total.div_ceil(PAGE_SIZE).max(1) {
                let page_path = Client::listing_path(application, page, PAGE_SIZE);
                let reply = checker
                    .send("devices.get", Method::GET, &page_path, None, 200)
                    .await;
                let (Some(200), Some(listing)) = (reply.status, reply.body) else {
                    break;
                };
                let page_total = check_listing(
                    &mut checker.report,
                    &checker.shared,
                    &page_path,
                    reply.started,
                    &listing,
                    page,
                    PAGE_SIZE,
                );
                if page_total != Some(total) {
                    checker.report.violation(
                        Violation::CountMismatch,
                        format!(
                            "{page_path}: totalCount {page_total:?}, the one-page listing's \
                             is {total}"
                        ),
                    );
                }
                walked.extend(
                    listed_items(&listing)
                        .iter()
                        .filter_map(device_id)
                        .map(str::to_string),
                );
            }
        }
        if total.is_some() && walked != ids {
            checker.report.violation(
                Violation::CountMismatch,
                format!(
                    "the pages of {PAGE_SIZE} of /applications/{application}/devices list \
                     {walked:?}, the one-page listing {ids:?}"
                ),
            );
        }
    }
    for client in clients.iter_mut() {
        for owned in &mut client.devices {
            if let Some(device) = checker
                .expect("device.get", Method::GET, &owned.path, None, 200)
                .await
            {
                check_device(&mut checker.report, owned, &device, "the final GET");
            }
        }
    }
}

/// Runs `plan` against `server`, then checks the end state: the devices, every client's
/// recent list and the final profile.
pub async fn run(server: &FakeServer, plan: LoadPlan) -> LoadReport {
    let rss_before = resident_kib();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(plan.clients + 1)
        .build()
        .expect("an HTTP client");
    let shared = Arc::new(Shared::new(server, http));
    let mut checker = Client::new(
        usize::MAX,
        shared.clone(),
        server.token().to_string(),
        String::new(),
    );

    // The shared applications, created through the API.
    let mut applications = Vec::new();
    for n in 0..plan.applications.max(1) {
        let body = json!({"name": format!("Load {}", n + 1)});
        let created = checker
            .expect(
                "applications.post",
                Method::POST,
                "/applications",
                Some(body),
                201,
            )
            .await
            .unwrap_or_else(|| panic!("cannot create the applications: {}", checker.report));
        let id = created["id"]
            .as_str()
            .or_else(|| created["applicationId"].as_str())
            .unwrap_or_else(|| panic!("a created application without an id: {created}"));
        applications.push(id.to_string());
    }

    let started = Instant::now();
    let mut tasks = Vec::new();
    for number in 0..plan.clients {
        // Requests shared out as evenly as they go.
        let steps =
            plan.requests / plan.clients + usize::from(number < plan.requests % plan.clients);
        let mut client = Client::new(
            number,
            shared.clone(),
            server.token().to_string(),
            applications[number % applications.len()].clone(),
        );
        tasks.push(tokio::spawn(async move {
            // Clients start at different points of the mix, so every kind of request is in
            // flight at once.
            for step in number..number + steps {
                client.step(step).await;
            }
            client
        }));
    }
    let mut clients = Vec::new();
    for task in tasks {
        clients.push(task.await.expect("a client task"));
    }
    let elapsed = started.elapsed();

    let mut report = LoadReport {
        clients: plan.clients,
        applications: applications.len(),
        elapsed,
        rss_before_kib: rss_before,
        ..LoadReport::default()
    };
    for client in &mut clients {
        report.requests += client.report.sent();
        report.absorb(&client.report);
        client.report = LoadReport::default();
    }

    // The end state: the devices, then every client's recent list (exactly its last accepted
    // additions) and the final profile (one an accepted PATCH wrote).
    check_end_state(&mut checker, &mut clients, &applications).await;
    for client in &mut clients {
        let path = format!(
            "/me/recentItems?itemType=device&parentId={}",
            client.parent()
        );
        let list = client
            .expect("me.fetchRecentItems", Method::GET, &path, None, 200)
            .await;
        match list {
            Some(list) => client.check_recent(&list),
            None => client.report.lost_recent_items += client.added.len(),
        }
    }
    let me: Value = checker
        .expect("me.get", Method::GET, "/me", None, 200)
        .await
        .unwrap_or_default();
    let final_first = me["firstName"].as_str().unwrap_or_default();
    let patched_any = clients.iter().any(|c| !c.patched.is_empty());
    report.unknown_final_profile = patched_any
        && !clients
            .iter()
            .any(|c| c.patched.iter().any(|tag| tag == final_first));
    if report.unknown_final_profile {
        report.note(
            "lost update",
            format!("the final profile's firstName {final_first:?} is no accepted PATCH's"),
        );
    }
    for client in &clients {
        report.check_requests += client.report.sent();
        report.absorb(&client.report);
    }
    report.check_requests += checker.report.sent();
    report.absorb(&checker.report);
    report.rss_after_kib = resident_kib();
    report.tokens_held = server.token_count();
    report
}
