//! A load run against a fake: concurrent clients sending a mix of reads and updates, with
//! token rotation (`refreshToken`, `changePassword`), then a check that no accepted update was
//! lost and no profile was seen half-written. Shared by `examples/load.rs` (64 clients, 10,000
//! requests) and the scaled-down run of the normal tests.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use wegnology_fake::{FakeConfig, FakeServer};

/// What a run does.
#[derive(Debug, Clone, Copy)]
pub struct LoadPlan {
    pub clients: usize,
    pub requests: usize,
}

/// What a run saw.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub clients: usize,
    pub requests: usize,
    pub statuses: BTreeMap<u16, usize>,
    pub transport_errors: usize,
    pub token_rotations: usize,
    pub password_changes: usize,
    /// Recent-item additions answered 200 that are missing from (or out of order in) the
    /// client's list afterwards.
    pub lost_updates: usize,
    /// `GET /me` answers whose firstName and lastName come from different PATCHes.
    pub torn_profiles: usize,
    /// The final profile is not one that a PATCH answered 200 for.
    pub unknown_final_profile: bool,
    pub elapsed: Duration,
    pub rss_before_kib: Option<u64>,
    pub rss_after_kib: Option<u64>,
    pub tokens_held: usize,
}

impl LoadReport {
    /// Requests answered with anything but 200.
    pub fn unexpected(&self) -> usize {
        self.statuses
            .iter()
            .filter(|(status, _)| **status != 200)
            .map(|(_, count)| count)
            .sum::<usize>()
            + self.transport_errors
    }
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rate = self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9);
        writeln!(
            f,
            "requests: {} from {} concurrent clients in {:.2?} ({rate:.0} requests/s)",
            self.requests, self.clients, self.elapsed
        )?;
        writeln!(f, "statuses: {:?}", self.statuses)?;
        writeln!(f, "transport errors: {}", self.transport_errors)?;
        writeln!(
            f,
            "token rotations: {} (of which change_password: {}); tokens held at the end: {}",
            self.token_rotations, self.password_changes, self.tokens_held
        )?;
        writeln!(
            f,
            "lost updates: {}; torn profiles: {}; final profile from an accepted PATCH: {}",
            self.lost_updates, self.torn_profiles, !self.unknown_final_profile
        )?;
        let kib = |v: Option<u64>| v.map_or("unknown".to_string(), |v| format!("{v} KiB"));
        write!(
            f,
            "resident memory of the process (fake and clients): before {}, after {}",
            kib(self.rss_before_kib),
            kib(self.rss_after_kib)
        )
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

struct Client {
    number: usize,
    http: reqwest::Client,
    url: String,
    token: String,
    /// The item ids this client added and the fake accepted, newest first (at most 10).
    added: VecDeque<String>,
    /// Tags of this client's PATCHes answered 200.
    patched: Vec<String>,
    report: LoadReport,
}

impl Client {
    async fn send(
        &mut self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Option<Value> {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.url))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(_) => {
                self.report.transport_errors += 1;
                return None;
            }
        };
        let status = response.status().as_u16();
        *self.report.statuses.entry(status).or_default() += 1;
        let body = response.json::<Value>().await.ok();
        if status == 200 {
            body
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
            self.report.torn_profiles += 1;
        }
    }

    /// Compares this client's recent list with what it added; counts what is missing.
    fn check_list(&mut self, list: &Value) {
        let items: Vec<&str> = list["items"]
            .as_array()
            .map(|items| items.iter().filter_map(|i| i["id"].as_str()).collect())
            .unwrap_or_default();
        let expected: Vec<&str> = self.added.iter().map(String::as_str).collect();
        if items != expected {
            self.report.lost_updates += expected
                .iter()
                .enumerate()
                .filter(|(index, id)| items.get(*index) != Some(id))
                .count()
                .max(1);
        }
    }

    fn parent(&self) -> String {
        id(0xC1, self.number)
    }

    async fn step(&mut self, step: usize) {
        use reqwest::Method;
        let parent = self.parent();
        match step % 10 {
            0..=2 => {
                if let Some(me) = self.send(Method::GET, "/me", None).await {
                    self.check_profile(&me);
                }
            }
            3 => {
                let tag = format!("client{}-step{step}", self.number);
                let body = json!({"firstName": tag, "lastName": format!("{tag}-last")});
                if let Some(me) = self.send(Method::PATCH, "/me", Some(body)).await {
                    self.check_profile(&me);
                    self.patched.push(tag);
                }
            }
            4 | 5 => {
                let item = id(self.number, step);
                let body = json!({"itemType": "device", "parentId": parent, "itemId": item});
                if self
                    .send(Method::POST, "/me/recentItems", Some(body))
                    .await
                    .is_some()
                {
                    self.added.retain(|known| *known != item);
                    self.added.push_front(item);
                    self.added.truncate(10);
                }
            }
            6 => {
                let path = format!("/me/recentItems?itemType=device&parentId={parent}");
                if let Some(list) = self.send(Method::GET, &path, None).await {
                    self.check_list(&list);
                }
            }
            7 => {
                let answer = self.send(Method::GET, "/me/refreshToken", None).await;
                self.rotate(answer);
            }
            8 => {
                // The same password back: every client can change it at any time, and each
                // change hands out a new token that the client goes on with.
                let password = FakeConfig::DEFAULT_PASSWORD;
                let body = json!({"password": password, "newPassword": password});
                let answer = self
                    .send(Method::PATCH, "/me/changePassword", Some(body))
                    .await;
                if answer.is_some() {
                    self.report.password_changes += 1;
                }
                self.rotate(answer);
            }
            _ => {
                self.send(
                    Method::GET,
                    "/me/deviceCounts?start=0&end=1465790400000",
                    None,
                )
                .await;
            }
        }
    }
}

/// Runs `plan` against `server`, then checks every client's recent list and the final profile.
pub async fn run(server: &FakeServer, plan: LoadPlan) -> LoadReport {
    let rss_before = resident_kib();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(plan.clients)
        .build()
        .expect("an HTTP client");
    let started = Instant::now();
    let mut tasks = Vec::new();
    for number in 0..plan.clients {
        // Requests shared out as evenly as they go.
        let steps =
            plan.requests / plan.clients + usize::from(number < plan.requests % plan.clients);
        let mut client = Client {
            number,
            http: http.clone(),
            url: server.url(),
            token: server.token().to_string(),
            added: VecDeque::new(),
            patched: Vec::new(),
            report: LoadReport::default(),
        };
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
        elapsed,
        rss_before_kib: rss_before,
        ..LoadReport::default()
    };
    for client in &clients {
        report.requests +=
            client.report.statuses.values().sum::<usize>() + client.report.transport_errors;
        for (status, count) in &client.report.statuses {
            *report.statuses.entry(*status).or_default() += count;
        }
        report.transport_errors += client.report.transport_errors;
        report.token_rotations += client.report.token_rotations;
        report.password_changes += client.report.password_changes;
        report.torn_profiles += client.report.torn_profiles;
        report.lost_updates += client.report.lost_updates;
    }
    // After the run: every client's list holds exactly its last accepted additions.
    let mut final_lost = 0;
    for client in &mut clients {
        client.report = LoadReport::default();
        let path = format!(
            "/me/recentItems?itemType=device&parentId={}",
            client.parent()
        );
        let list = client.send(reqwest::Method::GET, &path, None).await;
        match list {
            Some(list) => client.check_list(&list),
            None => client.report.lost_updates += client.added.len(),
        }
        final_lost += client.report.lost_updates;
    }
    report.lost_updates += final_lost;
    let me: Value = match clients.first_mut() {
        Some(client) => client
            .send(reqwest::Method::GET, "/me", None)
            .await
            .unwrap_or_default(),
        None => Value::Null,
    };
    let final_first = me["firstName"].as_str().unwrap_or_default();
    let patched_any = clients.iter().any(|c| !c.patched.is_empty());
    report.unknown_final_profile = patched_any
        && !clients
            .iter()
            .any(|c| c.patched.iter().any(|tag| tag == final_first));
    report.rss_after_kib = resident_kib();
    report.tokens_held = server.token_count();
    report
}
