//! The token table: live tokens and their grants, with the orders that let eviction pick the
//! next one to forget without scanning (expiry, issue, last use). Which token a request carries
//! and whether its grant allows an action is `auth`'s concern; the world owns the table.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};

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
    pub(crate) use_order: u64,
    pub(crate) last_used: DateTime<Utc>,
}

/// The live tokens, with three orders kept beside them so that eviction never scans the table:
/// by expiry (expired ones go first), by issue (a `tokenCutoff` revokes a prefix of it) and by
/// last use (the least recently used goes next, never one used within [`RECENT_USE`]).
#[derive(Default)]
pub(crate) struct Tokens {
    pub(crate) grants: HashMap<String, Grant>,
    by_expiry: BTreeMap<(DateTime<Utc>, i64), String>,
    by_issue: BTreeMap<i64, String>,
    by_use: BTreeMap<u64, String>,
    uses: u64,
}

impl Tokens {
    pub(crate) fn insert(&mut self, token: String, mut grant: Grant) {
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

    pub(crate) fn remove(&mut self, token: &str) -> Option<Grant> {
        let grant = self.grants.remove(token)?;
        if let Some(expires_at) = grant.expires_at {
            self.by_expiry.remove(&(expires_at, grant.serial));
        }
        self.by_issue.remove(&grant.serial);
        self.by_use.remove(&grant.use_order);
        Some(grant)
    }

    /// Marks a token used now: it moves to the end of the eviction order.
    pub(crate) fn touch(&mut self, token: &str, now: DateTime<Utc>) {
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
    pub(crate) fn evict_one(
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
