//! Everything the fake remembers, behind one lock: Me's user and what Me's actions see
//! (`me::state`), the token table (`tokens`) and the generic resource store (`store`).

use chrono::{DateTime, Utc};

use crate::me::state::Me;
use crate::seeded::Seeded;
use crate::store::Store;
use crate::tokens::{Grant, Tokens, HARD_TOKEN_FACTOR, MAX_TOKENS};

/// Everything the fake remembers. Guarded by one mutex in the server.
pub(crate) struct World {
    pub seeded: Seeded,
    /// Me's user and what Me's actions read and change.
    pub me: Me,
    tokens: Tokens,
    /// Size of the token table ([`crate::FakeConfig::max_tokens`]).
    max_tokens: usize,
    tokens_issued: i64,
    /// The collections and items of every other resource, by path (`crud`'s rules).
    pub store: Store,
}

/// Leaves the tokens out: they are secrets.
impl std::fmt::Debug for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("World")
            .field("seeded", &self.seeded)
            .field("me", &self.me)
            .field("live_tokens", &self.tokens.grants.len())
            .field("stored_items", &self.store.len())
            .finish_non_exhaustive()
    }
}

impl World {
    /// The world a new server starts with: the same for the same seed, except for dates that
    /// must be relative to now (invitation expiry).
    pub(crate) fn new(seed: u64, email: &str, password: &str, now: DateTime<Utc>) -> World {
        let seeded = Seeded::new(seed);
        World {
            seeded,
            me: Me::new(seeded, email, password, now),
            tokens: Tokens::default(),
            max_tokens: MAX_TOKENS,
            tokens_issued: 0,
            store: Store::default(),
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
        let cutoff = self.me.user.token_cutoff;
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
        if self.me.user.deleted {
            return None;
        }
        let grant = self.tokens.grants.get(token)?;
        if grant.expires_at.is_some_and(|expires_at| expires_at <= now) {
            return None;
        }
        match self.me.user.token_cutoff {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::Secret;
    use chrono::Duration;

    #[test]
    fn debug_output_hides_tokens_passwords_and_keys() {
        let mut world = World::new(1, "a@example.com", "Hunter2-hunter2", Utc::now());
        let token = world.issue_token(vec!["all.User".into()], Utc::now(), None);
        world.me.user.pending_two_factor_key = Some(Secret::new("KEYKEYKEYKEY"));
        let shown = format!("{world:?}");
        assert!(!shown.contains(&token));
        assert!(!shown.contains("Hunter2-hunter2"));
        assert!(!shown.contains("KEYKEYKEYKEY"));
        assert!(shown.contains("live_tokens: 1"));
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
        world.me.user.token_cutoff = Some(later);
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
