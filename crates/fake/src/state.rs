//! The fake's in-memory world: one user, their tokens, resources, recent items and invitations.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::{Map, Value};

use crate::seeded::Seeded;

/// Longest recent-item list kept per item type and parent; older entries fall off the end.
pub(crate) const MAX_RECENT_ITEMS: usize = 10;

/// Most recent-item lists kept (one per item type and parent).
pub(crate) const MAX_RECENT_LISTS: usize = 1_000;

/// Default for the most tokens kept ([`crate::FakeConfig::max_tokens`]).
pub(crate) const MAX_TOKENS: usize = 10_000;

/// A token used this recently is never evicted to make room, unless the table reaches
/// [`HARD_TOKEN_FACTOR`] times its size (memory stays bounded whatever clients do).
pub(crate) const RECENT_USE: Duration = Duration::seconds(60);

/// How far past its size the token table may grow while every token in it is in recent use.
pub(crate) const HARD_TOKEN_FACTOR: usize = 4;

/// Scopes of the token handed out at start.
pub(crate) const DEFAULT_SCOPES: &[&str] = &["all.User"];

/// A value that must never be printed: passwords, tokens, two-factor keys.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// What a token allows, and when it was issued (a `tokenCutoff` kills older ones).
#[derive(Debug, Clone)]
pub(crate) struct Grant {
    pub scopes: Vec<String>,
    /// Order of issue: the key of [`Tokens::by_issue`].
    pub serial: i64,
    pub issued_at: DateTime<Utc>,
    /// When the token stops working (`tokenTTL`); `None`: it lives until revoked.
    pub expires_at: Option<DateTime<Utc>>,
    /// Order of last use: the key of [`Tokens::by_use`].
    use_order: u64,
    last_used: DateTime<Utc>,
}

/// The live tokens, with three orders kept beside them so that eviction never scans the table:
/// by expiry (expired ones go first), by issue (a `tokenCutoff` revokes a prefix of it) and by
/// last use (the least recently used goes next, never one used within [`RECENT_USE`]).
#[derive(Default)]
struct Tokens {
    grants: HashMap<String, Grant>,
    by_expiry: BTreeMap<(DateTime<Utc>, i64), String>,
    by_issue: BTreeMap<i64, String>,
    by_use: BTreeMap<u64, String>,
    uses: u64,
}

impl Tokens {
    fn insert(&mut self, token: String, mut grant: Grant) {
        self.uses += 1;
        grant.use_order = self.uses;
        if let Some(expires_at) = grant.expires_at {
            self.by_expiry
                .insert((expires_at, grant.serial), token.clone());
        }
        self.by_issue.insert(grant.serial, token.clone());
        self.by_use.insert(grant.use_order, token.clone());
        self.grants.insert(token, grant);
    }

    fn remove(&mut self, token: &str) -> Option<Grant> {
        let grant = self.grants.remove(token)?;
        if let Some(expires_at) = grant.expires_at {
            self.by_expiry.remove(&(expires_at, grant.serial));
        }
        self.by_issue.remove(&grant.serial);
        self.by_use.remove(&grant.use_order);
        Some(grant)
    }

    /// Marks a token used now: it moves to the end of the eviction order.
    fn touch(&mut self, token: &str, now: DateTime<Utc>) {
        let Some(grant) = self.grants.get_mut(token) else {
            return;
        };
        self.by_use.remove(&grant.use_order);
        self.uses += 1;
        grant.use_order = self.uses;
        grant.last_used = now;
        self.by_use.insert(self.uses, token.to_string());
    }

    /// Forgets one token to make room: an expired one, else one issued before the cutoff, else
    /// the least recently used if it was not used recently (or if `force`). Each step looks at
    /// the first entry of one order only.
    fn evict_one(
        &mut self,
        now: DateTime<Utc>,
        cutoff: Option<DateTime<Utc>>,
        force: bool,
    ) -> bool {
        let expired = self
            .by_expiry
            .first_key_value()
            .filter(|((expires_at, _), _)| *expires_at <= now)
            .map(|(_, token)| token.clone());
        let revoked = || {
            let cutoff = cutoff?;
            let (_, token) = self.by_issue.first_key_value()?;
            let grant = self.grants.get(token)?;
            (grant.issued_at < cutoff).then(|| token.clone())
        };
        let idle = || {
            let (_, token) = self.by_use.first_key_value()?;
            let grant = self.grants.get(token)?;
            (force || grant.last_used + RECENT_USE < now).then(|| token.clone())
        };
        match expired.or_else(revoked).or_else(idle) {
            Some(token) => self.remove(&token).is_some(),
            None => false,
        }
    }
}

/// The one user of the fake.
#[derive(Debug)]
pub(crate) struct User {
    pub id: String,
    /// The profile's string fields (`email`, `firstName`, …) by their wire name.
    pub profile: Map<String, Value>,
    pub password: Secret,
    pub creation_date: DateTime<Utc>,
    pub last_updated: DateTime<Utc>,
    pub password_last_updated: DateTime<Utc>,
    pub token_cutoff: Option<DateTime<Utc>>,
    pub email_verified: bool,
    pub github_name: Option<String>,
    /// Generated by `generateTwoFactorAuth`, not yet confirmed by `enableTwoFactorAuth`.
    pub pending_two_factor_key: Option<Secret>,
    /// The key in force: two-factor auth is enabled exactly when this is set.
    pub two_factor_key: Option<Secret>,
    pub deleted: bool,
}

impl User {
    pub(crate) fn email(&self) -> &str {
        self.profile
            .get("email")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// An application, dashboard or organization the user owns or belongs to.
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    pub id: String,
    pub name: String,
}

/// A pending invitation to an organization.
#[derive(Debug, Clone)]
pub(crate) struct Invite {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    pub role: &'static str,
    pub requires_mfa: bool,
    pub invite_date: DateTime<Utc>,
    pub ttl: Duration,
    pub invited_by_name: String,
    pub invited_by_email: String,
}

impl Invite {
    pub(crate) fn expired(&self, now: DateTime<Utc>) -> bool {
        self.invite_date + self.ttl < now
    }
}

/// One recent-item list: the item ids, most recent first.
#[derive(Debug, Clone)]
pub(crate) struct RecentList {
    pub item_type: String,
    pub parent_id: Option<String>,
    pub item_ids: Vec<String>,
}

/// Everything the fake remembers. Guarded by one mutex in the server.
pub(crate) struct World {
    pub seeded: Seeded,
    pub user: User,
    tokens: Tokens,
    /// Size of the token table ([`crate::FakeConfig::max_tokens`]).
    max_tokens: usize,
    tokens_issued: i64,
    pub two_factor_keys_issued: i64,
    pub applications: Vec<Resource>,
    pub dashboards: Vec<Resource>,
    pub organizations: Vec<Resource>,
    pub invites: Vec<Invite>,
    pub recent: Vec<RecentList>,
}

/// Leaves the tokens out: they are secrets.
impl std::fmt::Debug for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("World")
            .field("seeded", &self.seeded)
            .field("user", &self.user)
            .field("live_tokens", &self.tokens.grants.len())
            .field("applications", &self.applications)
            .field("dashboards", &self.dashboards)
            .field("organizations", &self.organizations)
            .field("invites", &self.invites)
            .field("recent", &self.recent)
            .finish_non_exhaustive()
    }
}

impl World {
    /// The world a new server starts with: the same for the same seed, except for dates that
    /// must be relative to now (invitation expiry).
    pub(crate) fn new(seed: u64, email: &str, password: &str, now: DateTime<Utc>) -> World {
        let seeded = Seeded::new(seed);
        let resources = |label: &str, names: &[&str]| -> Vec<Resource> {
            names
                .iter()
                .enumerate()
                .map(|(index, name)| Resource {
                    id: seeded.object_id(label, index as i64),
                    name: (*name).to_string(),
                })
                .collect()
        };
        let applications = resources(
            "application",
            &["Greenhouse Monitor", "Fleet Tracker", "Factory Floor"],
        );
        let dashboards = resources("dashboard", &["Greenhouse Overview", "Fleet Map"]);
        let organizations = resources("organization", &["Example Org"]);

        let epoch_2020 = Utc
            .timestamp_millis_opt(1_577_836_800_000)
            .single()
            .unwrap_or(now);
        let creation_date = epoch_2020 + Duration::days(seeded.range("created", 0, 0, 365) as i64);
        let mut profile = Map::new();
        profile.insert("email".into(), Value::from(email));
        profile.insert("firstName".into(), Value::from("Example"));
        profile.insert("lastName".into(), Value::from("User"));
        profile.insert("companyName".into(), Value::from("Example, Inc."));

        let invite =
            |index: i64, org_name: &str, role: &'static str, requires_mfa: bool, age_days: i64| {
                Invite {
                    id: seeded.object_id("invite", index),
                    org_id: seeded.object_id("invited-organization", index),
                    org_name: org_name.to_string(),
                    role,
                    requires_mfa,
                    invite_date: now - Duration::days(age_days),
                    ttl: Duration::days(14),
                    invited_by_name: "Ada Admin".to_string(),
                    invited_by_email: "ada@example.com".to_string(),
                }
            };
        let invites = vec![
            invite(0, "Acme Industrial", "edit", false, 1),
            invite(1, "Northwind Labs", "view", true, 3),
            invite(2, "Old Friends Co", "admin", false, 30),
        ];

        let recent = vec![
            RecentList {
                item_type: "application".into(),
                parent_id: None,
                item_ids: applications.iter().map(|r| r.id.clone()).collect(),
            },
            RecentList {
                item_type: "dashboard".into(),
                parent_id: None,
                item_ids: dashboards.iter().map(|r| r.id.clone()).collect(),
            },
            RecentList {
                item_type: "organization".into(),
                parent_id: None,
                item_ids: organizations.iter().map(|r| r.id.clone()).collect(),
            },
        ];

        World {
            seeded,
            user: User {
                id: seeded.object_id("user", 0),
                profile,
                password: Secret::new(password),
                creation_date,
                last_updated: creation_date,
                password_last_updated: creation_date,
                token_cutoff: None,
                email_verified: false,
                github_name: Some("example-octocat".to_string()),
                pending_two_factor_key: None,
                two_factor_key: None,
                deleted: false,
            },
            tokens: Tokens::default(),
            max_tokens: MAX_TOKENS,
            tokens_issued: 0,
            two_factor_keys_issued: 0,
            applications,
            dashboards,
            organizations,
            invites,
            recent,
        }
    }

    /// Sets the size of the token table (at least 1).
    pub(crate) fn set_max_tokens(&mut self, max_tokens: usize) {
        self.max_tokens = max_tokens.max(1);
    }

    /// How many tokens the table holds (live or not yet evicted).
    pub(crate) fn token_count(&self) -> usize {
        self.tokens.grants.len()
    }

    /// Issues a new token with these scopes, working until `expires_at` (if any). When the table
    /// is full, expired and revoked tokens are forgotten first, then ones unused for a while;
    /// a token in recent use only when the table is [`HARD_TOKEN_FACTOR`] times over its size.
    pub(crate) fn issue_token(
        &mut self,
        scopes: Vec<String>,
        now: DateTime<Utc>,
        expires_at: Option<DateTime<Utc>>,
    ) -> String {
        self.tokens_issued += 1;
        let index = self.tokens_issued;
        let token = format!(
            "fake.{:016x}{:016x}.{index}",
            self.seeded.value("token", index),
            self.seeded.value("token-tail", index)
        );
        let cutoff = self.user.token_cutoff;
        while self.tokens.grants.len() >= self.max_tokens {
            if !self.tokens.evict_one(now, cutoff, false) {
                break;
            }
        }
        while self.tokens.grants.len() >= self.max_tokens.saturating_mul(HARD_TOKEN_FACTOR) {
            if !self.tokens.evict_one(now, cutoff, true) {
                break;
            }
        }
        self.tokens.insert(
            token.clone(),
            Grant {
                scopes,
                serial: index,
                issued_at: now,
                expires_at,
                use_order: 0,
                last_used: now,
            },
        );
        token
    }

    /// The grant of a live token: known, not expired, user not deleted, not older than the
    /// token cutoff.
    pub(crate) fn grant(&self, token: &str, now: DateTime<Utc>) -> Option<&Grant> {
        if self.user.deleted {
            return None;
        }
        let grant = self.tokens.grants.get(token)?;
        if grant.expires_at.is_some_and(|expires_at| expires_at <= now) {
            return None;
        }
        match self.user.token_cutoff {
            Some(cutoff) if grant.issued_at < cutoff => None,
            _ => Some(grant),
        }
    }

    /// The grant of a live token, marking it used now (recently used tokens are kept).
    pub(crate) fn use_token(&mut self, token: &str, now: DateTime<Utc>) -> Option<Grant> {
        let grant = self.grant(token, now)?.clone();
        self.tokens.touch(token, now);
        Some(grant)
    }

    pub(crate) fn revoke_all_tokens(&mut self) {
        self.tokens = Tokens::default();
    }

    /// The display name of an item, for recent-item lists.
    pub(crate) fn item_name(&self, item_type: &str, id: &str) -> String {
        let known = self
            .applications
            .iter()
            .chain(&self.dashboards)
            .chain(&self.organizations)
            .find(|resource| resource.id == id);
        match known {
            Some(resource) => resource.name.clone(),
            None => {
                let mut kind = item_type.to_string();
                if let Some(first) = kind.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                let tail = id.get(id.len().saturating_sub(6)..).unwrap_or(id);
                format!("{kind} {tail}")
            }
        }
    }

    /// The recent list for this type and parent (empty if never used).
    pub(crate) fn recent_list(&self, item_type: &str, parent_id: Option<&str>) -> Vec<String> {
        self.recent
            .iter()
            .find(|list| list.item_type == item_type && list.parent_id.as_deref() == parent_id)
            .map(|list| list.item_ids.clone())
            .unwrap_or_default()
    }

    /// Moves `item_id` to the front of its list, keeping at most [`MAX_RECENT_ITEMS`]. Lists
    /// are kept least recently touched first, so the oldest goes when there are too many.
    pub(crate) fn touch_recent(&mut self, item_type: &str, parent_id: Option<&str>, item_id: &str) {
        let mut list =
            match self.recent.iter().position(|list| {
                list.item_type == item_type && list.parent_id.as_deref() == parent_id
            }) {
                Some(index) => self.recent.remove(index),
                None => RecentList {
                    item_type: item_type.to_string(),
                    parent_id: parent_id.map(str::to_string),
                    item_ids: Vec::new(),
                },
            };
        list.item_ids.retain(|id| id != item_id);
        list.item_ids.insert(0, item_id.to_string());
        list.item_ids.truncate(MAX_RECENT_ITEMS);
        self.recent.push(list);
        if self.recent.len() > MAX_RECENT_LISTS {
            self.recent.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_tokens_passwords_and_keys() {
        let mut world = World::new(1, "a@example.com", "Hunter2-hunter2", Utc::now());
        let token = world.issue_token(vec!["all.User".into()], Utc::now(), None);
        world.user.pending_two_factor_key = Some(Secret::new("KEYKEYKEYKEY"));
        let shown = format!("{world:?}");
        assert!(!shown.contains(&token));
        assert!(!shown.contains("Hunter2-hunter2"));
        assert!(!shown.contains("KEYKEYKEYKEY"));
        assert!(shown.contains("live_tokens: 1"));
    }

    #[test]
    fn recent_lists_are_bounded_in_length_and_number() {
        let mut world = World::new(1, "a@example.com", "pw", Utc::now());
        for n in 0..(MAX_RECENT_LISTS + 5) {
            let parent = format!("{n:024x}");
            for item in 0..(MAX_RECENT_ITEMS + 3) {
                world.touch_recent("device", Some(&parent), &format!("{item:024x}"));
            }
        }
        assert_eq!(world.recent.len(), MAX_RECENT_LISTS);
        assert!(world
            .recent
            .iter()
            .all(|list| list.item_ids.len() <= MAX_RECENT_ITEMS));
    }

    fn live(world: &World, token: &str, now: DateTime<Utc>) -> bool {
        world.grant(token, now).is_some()
    }

    #[test]
    fn a_token_in_use_survives_any_number_of_new_tokens() {
        let mut world = World::new(1, "a@example.com", "pw", Utc::now());
        world.set_max_tokens(50);
        let start = Utc::now();
        let kept = world.issue_token(vec!["all.User".into()], start, None);
        for n in 0..500 {
            // A refresh every 10 s: the new tokens are never used, and a minute after their
            // issue they may go.
            let now = start + Duration::seconds(10 * n);
            // The kept token is used before every refresh.
            assert!(world.use_token(&kept, now).is_some(), "evicted after {n}");
            world.issue_token(vec!["all.User".into()], now, None);
            assert!(world.token_count() <= 50);
        }
        assert!(live(&world, &kept, start + Duration::seconds(5_000)));
    }

    #[test]
    fn expired_and_revoked_tokens_go_before_idle_ones() {
        let mut world = World::new(1, "a@example.com", "pw", Utc::now());
        world.set_max_tokens(3);
        let start = Utc::now();
        let idle = world.issue_token(vec![], start, None);
        let short = world.issue_token(vec![], start, Some(start + Duration::seconds(1)));
        let other = world.issue_token(vec![], start, None);
        // Two minutes on: `idle` and `other` are unused for long, `short` has expired.
        let later = start + Duration::seconds(120);
        let newer = world.issue_token(vec![], later, None);
        assert!(
            world.tokens.grants.contains_key(&idle),
            "an idle token went before the expired one"
        );
        assert!(!world.tokens.grants.contains_key(&short), "expired kept");
        assert!(live(&world, &other, later) && live(&world, &newer, later));

        // A cutoff revokes everything issued before it: those go before idle live ones.
        world.user.token_cutoff = Some(later);
        let newest = world.issue_token(vec![], later + Duration::seconds(1), None);
        assert!(!world.tokens.grants.contains_key(&idle));
        assert!(world.tokens.grants.contains_key(&newer) && live(&world, &newest, later));
    }

    #[test]
    fn recently_used_tokens_are_kept_until_the_hard_bound() {
        let mut world = World::new(1, "a@example.com", "pw", Utc::now());
        world.set_max_tokens(2);
        let now = Utc::now();
        let tokens: Vec<String> = (0..2 * HARD_TOKEN_FACTOR + 3)
            .map(|_| world.issue_token(vec![], now, None))
            .collect();
        // All in use within the minute: the table grows past 2, up to its hard bound.
        assert_eq!(world.token_count(), 2 * HARD_TOKEN_FACTOR);
        assert!(live(&world, tokens.last().expect("a token"), now));
    }

    #[test]
    fn a_token_expires_at_its_time() {
        let mut world = World::new(1, "a@example.com", "pw", Utc::now());
        let now = Utc::now();
        let token = world.issue_token(vec![], now, Some(now + Duration::seconds(5)));
        assert!(live(&world, &token, now + Duration::seconds(4)));
        assert!(!live(&world, &token, now + Duration::seconds(5)));
        assert!(world
            .use_token(&token, now + Duration::seconds(6))
            .is_none());
    }
}
