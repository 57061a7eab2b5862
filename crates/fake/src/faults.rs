//! Faults on demand: rules that make the fake misbehave the way a real API and network do
//! (429 with `Retry-After`, 5xx, slow answers, reset connections, truncated bodies), so code
//! under test can be checked for its retry and error handling.
//!
//! A rule says what goes wrong ([`Fault`]), to which requests (all, the next N, a seeded
//! fraction, one action), and comes from [`crate::FakeConfig::faults`], the command line
//! (`--fault`), [`crate::FakeServer::inject`] or a request's [`FAULT_HEADER`]. Whether a rule
//! fires for the k-th request it sees is a pure function of its seed and k, so the same seed
//! and the same requests in the same order give the same faults.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use crate::seeded::Seeded;

/// The request header that injects a fault rule, in the text form of [`FaultRule`]'s
/// `FromStr` (e.g. `status=503, next=2`). Each distinct value installs its rule once, so a
/// client that retries with the same headers meets the fault only as often as the rule says.
pub const FAULT_HEADER: &str = "x-fake-fault";

/// Most distinct control-header values remembered (beyond it, the oldest are forgotten and
/// could install their rule again).
const MAX_REMEMBERED_HEADERS: usize = 1_000;

/// Most rules active at once; adding another drops the oldest.
const MAX_RULES: usize = 100;

/// What goes wrong with a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Answer with this status (e.g. 429, 500, 502, 503, 504) and an `Error` body, without
    /// running the action. `retry_after` (seconds) adds a `Retry-After` header.
    Status {
        status: u16,
        retry_after: Option<u64>,
    },
    /// Wait this long, then handle the request as usual.
    Delay(Duration),
    /// Close the connection with a TCP reset before answering; the action does not run.
    Reset,
    /// Run the action, then send the head and only half of the body, and close the connection.
    Truncate,
}

/// The names a request's action answers to in a rule's `action`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActionName<'a> {
    /// The resource's camel name (`device`, `me`).
    pub resource: &'a str,
    pub snake: &'a str,
    pub camel: &'a str,
}

impl ActionName<'_> {
    /// Whether `wanted` names this action: `resource.action` (`device.get`,
    /// `me.refresh_token`), or a bare name (`get`, `refreshToken`) for one of Me's actions, as
    /// rules were written when the fake served only Me.
    pub(crate) fn is(&self, wanted: &str) -> bool {
        let (resource, name) = wanted.split_once('.').unwrap_or(("me", wanted));
        resource == self.resource && (name == self.snake || name == self.camel)
    }
}

/// Which requests a rule's fault applies to.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    pub fault: Fault,
    /// At most this many faults in all (then the rule is spent); `None`: no limit.
    pub times: Option<u32>,
    /// The share of requests (0.0..=1.0) that get the fault, drawn from `seed`.
    pub fraction: f64,
    /// Seed of the draws for `fraction`; `None`: the server's seed.
    pub seed: Option<u64>,
    /// Only requests for this action: `resource.action` (`device.get`, `me.refreshToken`;
    /// the action's snake or camel case name), or one of Me's actions by its bare name (`get`,
    /// `refreshToken`).
    pub action: Option<String>,
}

impl FaultRule {
    /// Every request gets `fault` (narrow it with [`next`](Self::next),
    /// [`fraction`](Self::fraction) and [`only`](Self::only)).
    pub fn new(fault: Fault) -> FaultRule {
        FaultRule {
            fault,
            times: None,
            fraction: 1.0,
            seed: None,
            action: None,
        }
    }

    /// Answer with `status` and an `Error` body.
    pub fn status(status: u16) -> FaultRule {
        Self::new(Fault::Status {
            status,
            retry_after: None,
        })
    }

    /// Answer 429 Too Many Requests with `Retry-After: seconds`.
    pub fn too_many_requests(retry_after_seconds: u64) -> FaultRule {
        Self::new(Fault::Status {
            status: 429,
            retry_after: Some(retry_after_seconds),
        })
    }

    /// Wait `delay` before answering as usual.
    pub fn delay(delay: Duration) -> FaultRule {
        Self::new(Fault::Delay(delay))
    }

    /// Reset the connection instead of answering.
    pub fn reset() -> FaultRule {
        Self::new(Fault::Reset)
    }

    /// Send only half of the answer's body.
    pub fn truncate() -> FaultRule {
        Self::new(Fault::Truncate)
    }

    /// Adds a `Retry-After` header (seconds) to a status fault.
    pub fn retry_after(mut self, seconds: u64) -> FaultRule {
        if let Fault::Status { retry_after, .. } = &mut self.fault {
            *retry_after = Some(seconds);
        }
        self
    }

    /// Applies to the next `count` requests it matches, then is spent.
    pub fn next(mut self, count: u32) -> FaultRule {
        self.times = Some(count);
        self
    }

    /// Applies to this share of requests, drawn deterministically from `seed`.
    pub fn fraction(mut self, fraction: f64, seed: u64) -> FaultRule {
        self.fraction = fraction.clamp(0.0, 1.0);
        self.seed = Some(seed);
        self
    }

    /// Applies only to requests for this action: `resource.action` (`device.get`), or one of
    /// Me's by its bare snake or camel case name (`get`, `refreshToken`).
    pub fn only(mut self, action: &str) -> FaultRule {
        self.action = Some(action.to_string());
        self
    }
}

/// A fault rule's text is not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad fault rule `{rule}`: {problem} (e.g. `status=429, retry-after=1, next=2`, `delay=200ms, fraction=0.5, seed=7`, `reset, action=get`, `truncate`)")]
pub struct FaultRuleError {
    pub rule: String,
    pub problem: String,
}

/// `500ms`, `2s` or a bare number of milliseconds.
fn parse_duration(text: &str) -> Option<Duration> {
    if let Some(ms) = text.strip_suffix("ms") {
        return ms.trim().parse().ok().map(Duration::from_millis);
    }
    if let Some(seconds) = text.strip_suffix('s') {
        return seconds
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 3_600.0)
            .map(Duration::from_secs_f64);
    }
    text.parse().ok().map(Duration::from_millis)
}

/// The text form: comma- or semicolon-separated items, one of `status=CODE`, `delay=TIME`,
/// `reset`, `truncate` saying what goes wrong, and optionally `retry-after=SECONDS`,
/// `next=N`, `fraction=F`, `seed=S`, `action=NAME`.
impl FromStr for FaultRule {
    type Err = FaultRuleError;

    fn from_str(text: &str) -> Result<FaultRule, FaultRuleError> {
        let fail = |problem: String| FaultRuleError {
            rule: text.to_string(),
            problem,
        };
        let mut fault = None;
        let mut retry_after = None;
        let mut rule = FaultRule::new(Fault::Reset);
        for item in text
            .split([',', ';'])
            .map(str::trim)
            .filter(|i| !i.is_empty())
        {
            let (key, value) = match item.split_once('=') {
                Some((key, value)) => (key.trim().to_ascii_lowercase(), Some(value.trim())),
                None => (item.to_ascii_lowercase(), None),
            };
            let number = |what: &str| -> Result<u64, FaultRuleError> {
                value
                    .and_then(|v| v.parse::<u64>().ok())
                    .ok_or_else(|| fail(format!("`{key}` needs {what}")))
            };
            let new_fault = match (key.as_str(), value) {
                ("status", _) => {
                    let status = number("an HTTP status code")?;
                    if !(400..=599).contains(&status) {
                        return Err(fail(format!("status {status} is not 4xx or 5xx")));
                    }
                    Some(Fault::Status {
                        status: status as u16,
                        retry_after: None,
                    })
                }
                ("delay", Some(value)) => {
                    Some(Fault::Delay(parse_duration(value).ok_or_else(|| {
                        fail(format!("`{value}` is not a duration (`250ms`, `2s`)"))
                    })?))
                }
                ("reset", None) => Some(Fault::Reset),
                ("truncate", None) => Some(Fault::Truncate),
                ("retry-after", _) => {
                    retry_after = Some(number("a number of seconds")?);
                    None
                }
                ("next", _) => {
                    rule.times = Some(u32::try_from(number("a count")?).unwrap_or(u32::MAX));
                    None
                }
                ("seed", _) => {
                    rule.seed = Some(number("a number")?);
                    None
                }
                ("fraction", Some(value)) => {
                    rule.fraction = value
                        .parse::<f64>()
                        .ok()
                        .filter(|f| (0.0..=1.0).contains(f))
                        .ok_or_else(|| fail(format!("fraction `{value}` is not in 0..=1")))?;
                    None
                }
                ("action", Some(value)) if !value.is_empty() => {
                    rule.action = Some(value.to_string());
                    None
                }
                _ => return Err(fail(format!("unknown item `{item}`"))),
            };
            if let Some(new_fault) = new_fault {
                if fault.replace(new_fault).is_some() {
                    return Err(fail("more than one fault is named".to_string()));
                }
            }
        }
        rule.fault = fault.ok_or_else(|| {
            fail("no fault is named (`status=…`, `delay=…`, `reset` or `truncate`)".to_string())
        })?;
        if let Some(seconds) = retry_after {
            if !matches!(rule.fault, Fault::Status { .. }) {
                return Err(fail("`retry-after` goes with `status=…`".to_string()));
            }
            rule = rule.retry_after(seconds);
        }
        Ok(rule)
    }
}

/// The text form that [`FromStr`] reads back.
impl fmt::Display for FaultRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.fault {
            Fault::Status {
                status,
                retry_after,
            } => {
                write!(f, "status={status}")?;
                if let Some(seconds) = retry_after {
                    write!(f, ", retry-after={seconds}")?;
                }
            }
            Fault::Delay(delay) => write!(f, "delay={}ms", delay.as_millis())?,
            Fault::Reset => f.write_str("reset")?,
            Fault::Truncate => f.write_str("truncate")?,
        }
        if let Some(times) = self.times {
            write!(f, ", next={times}")?;
        }
        if self.fraction < 1.0 {
            write!(f, ", fraction={}", self.fraction)?;
        }
        if let Some(seed) = self.seed {
            write!(f, ", seed={seed}")?;
        }
        if let Some(action) = &self.action {
            write!(f, ", action={action}")?;
        }
        Ok(())
    }
}

/// A rule in force, with what it has done so far.
#[derive(Debug)]
struct ActiveRule {
    rule: FaultRule,
    seeded: Seeded,
    /// Requests it matched so far: the index of its next draw.
    seen: i64,
    /// Faults it caused so far.
    fired: u32,
}

/// The rules in force. Lives behind its own lock, apart from the world.
#[derive(Debug)]
pub(crate) struct Faults {
    server_seed: u64,
    rules: Vec<ActiveRule>,
    /// Control-header values already installed, oldest first.
    seen_headers: HashSet<String>,
    seen_order: std::collections::VecDeque<String>,
}

impl Faults {
    pub(crate) fn new(server_seed: u64, rules: Vec<FaultRule>) -> Faults {
        let mut faults = Faults {
            server_seed,
            rules: Vec::new(),
            seen_headers: HashSet::new(),
            seen_order: Default::default(),
        };
        for rule in rules {
            faults.add(rule);
        }
        faults
    }

    pub(crate) fn add(&mut self, rule: FaultRule) {
        let seed = rule.seed.unwrap_or(self.server_seed);
        if self.rules.len() >= MAX_RULES {
            self.rules.remove(0);
        }
        self.rules.push(ActiveRule {
            rule,
            seeded: Seeded::new(seed),
            seen: 0,
            fired: 0,
        });
    }

    pub(crate) fn clear(&mut self) {
        self.rules.clear();
    }

    /// Installs the rule of a control header, unless this exact value was installed before.
    pub(crate) fn add_from_header(&mut self, value: &str) -> Result<(), FaultRuleError> {
        if self.seen_headers.contains(value) {
            return Ok(());
        }
        let rule: FaultRule = value.parse()?;
        if self.seen_order.len() >= MAX_REMEMBERED_HEADERS {
            if let Some(oldest) = self.seen_order.pop_front() {
                self.seen_headers.remove(&oldest);
            }
        }
        self.seen_headers.insert(value.to_string());
        self.seen_order.push_back(value.to_string());
        self.add(rule);
        Ok(())
    }

    /// The fault for a request to `action`, if a rule fires for it. Rules are asked in the
    /// order they were added; each one that matches the action uses up one draw whether or not
    /// it fires, so the outcome depends only on the order of requests.
    pub(crate) fn draw(&mut self, action: Option<ActionName<'_>>) -> Option<Fault> {
        let mut chosen = None;
        for active in &mut self.rules {
            if active.rule.times.is_some_and(|times| active.fired >= times) {
                continue; // `next=0`: spent from the start
            }
            if let Some(wanted) = &active.rule.action {
                if !action.is_some_and(|action| action.is(wanted)) {
                    continue;
                }
            }
            let index = active.seen;
            active.seen += 1;
            let fires = active.rule.fraction >= 1.0
                || (active.seeded.value("fault", index) as f64 / u64::MAX as f64)
                    < active.rule.fraction;
            if fires && chosen.is_none() {
                active.fired += 1;
                chosen = Some(active.rule.fault.clone());
            }
        }
        self.rules
            .retain(|active| active.rule.times.is_none_or(|times| active.fired < times));
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms_read_back() {
        for text in [
            "status=429, retry-after=1, next=2",
            "status=503",
            "delay=250ms, fraction=0.5, seed=7",
            "reset, action=get",
            "truncate, next=1",
        ] {
            let rule: FaultRule = text.parse().expect(text);
            assert_eq!(rule.to_string(), text);
        }
        let rule: FaultRule = "delay=2s; next=3".parse().expect("seconds");
        assert_eq!(rule, FaultRule::delay(Duration::from_secs(2)).next(3));
    }

    #[test]
    fn bad_text_names_the_problem() {
        for (text, problem) in [
            ("", "no fault is named"),
            ("status=200", "not 4xx or 5xx"),
            ("status=abc", "needs an HTTP status code"),
            ("reset, truncate", "more than one fault"),
            ("delay=soon", "not a duration"),
            ("reset, retry-after=3", "goes with `status"),
            ("reset, fraction=2", "not in 0..=1"),
            ("explode", "unknown item"),
        ] {
            let error = text.parse::<FaultRule>().expect_err(text);
            assert!(error.to_string().contains(problem), "{text}: {error}");
        }
    }

    #[test]
    fn next_n_fires_n_times_then_is_spent() {
        let mut faults = Faults::new(0, vec![FaultRule::status(503).next(2)]);
        let drawn: Vec<_> = (0..4).map(|_| faults.draw(None).is_some()).collect();
        assert_eq!(drawn, [true, true, false, false]);
        let mut none = Faults::new(0, vec![FaultRule::status(503).next(0)]);
        assert!(none.draw(None).is_none());
    }

    #[test]
    fn fractions_are_deterministic_for_a_seed_and_roughly_the_share() {
        let pattern = |seed: u64| -> Vec<bool> {
            let mut faults = Faults::new(0, vec![FaultRule::reset().fraction(0.3, seed)]);
            (0..1_000).map(|_| faults.draw(None).is_some()).collect()
        };
        assert_eq!(pattern(7), pattern(7));
        assert_ne!(pattern(7), pattern(8));
        let share = pattern(7).iter().filter(|f| **f).count();
        assert!((230..370).contains(&share), "{share} of 1000");
    }

    #[test]
    fn an_action_filter_leaves_other_actions_alone() {
        let name = |resource, snake, camel| ActionName {
            resource,
            snake,
            camel,
        };
        let mut faults = Faults::new(0, vec![FaultRule::truncate().only("refreshToken")]);
        assert_eq!(faults.draw(Some(name("me", "get", "get"))), None);
        assert_eq!(faults.draw(None), None);
        assert_eq!(
            faults.draw(Some(name("me", "refresh_token", "refreshToken"))),
            Some(Fault::Truncate)
        );
        // A bare name is Me's; another resource's action is named with its resource.
        let mut faults = Faults::new(0, vec![FaultRule::status(503).only("get")]);
        assert_eq!(faults.draw(Some(name("device", "get", "get"))), None);
        let mut faults = Faults::new(0, vec![FaultRule::status(503).only("device.get_state")]);
        assert_eq!(
            faults.draw(Some(name("devices", "get_state", "getState"))),
            None
        );
        assert!(faults
            .draw(Some(name("device", "get_state", "getState")))
            .is_some());
    }

    #[test]
    fn a_header_value_installs_its_rule_once() {
        let mut faults = Faults::new(0, Vec::new());
        faults.add_from_header("status=429, next=1").expect("rule");
        assert!(faults.draw(None).is_some());
        // The retry carries the same header: no new rule, the request goes through.
        faults.add_from_header("status=429, next=1").expect("rule");
        assert!(faults.draw(None).is_none());
        assert!(faults.add_from_header("status=42").is_err());
    }
}
