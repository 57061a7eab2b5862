//! The server's shared state: the served model, its route table, compiled schemas and the
//! world behind its lock. Depends only on the leaf modules (`routes`, `query`, `schemas`,
//! `world`, `faults`, `journal`, `ratelimit`), never on the HTTP layer or the behaviours.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;
use wegnology_model::ApiModel;

use crate::crud::Rules;
use crate::examples::Examples;
use crate::faults::Faults;
use crate::journal::Journal;
use crate::query::{self, TextRule};
use crate::ratelimit::RateLimiter;
use crate::routes::Routes;
use crate::schemas::Schemas;
use crate::world::World;

/// What a server has beside the world: each behind its own lock, so faults, the journal and
/// rate limiting never wait on the world's lock.
pub(crate) struct Extras {
    pub faults: Faults,
    pub rate_limiter: Option<RateLimiter>,
    /// Longest wait for a request body (then 408).
    pub body_timeout: Duration,
}

/// Everything derived from a model, built once per model and shared by every server of it
/// (the compiled-in model's is built once per process).
pub(crate) struct Served {
    pub model: ApiModel,
    /// Which action a method and path are.
    pub routes: Routes,
    pub schemas: Schemas,
    /// The fields of the `Me` schema's `summary` and their schemas, for
    /// summaryInclude/Exclude and to generate their values.
    pub summary_fields: Vec<(String, Value)>,
    /// Properties of the `Payload Stats` schema: the payload categories.
    pub payload_categories: Vec<String>,
    /// Per action (by index), the path and query text parameters whose value the documents
    /// constrain (`query::text_rules`).
    pub text_rules: Vec<HashMap<String, TextRule>>,
    /// What each action does, inferred from the model (`crud`).
    pub rules: Rules,
    /// Each schema's answer from the documents: its example, or a minimal instance.
    pub examples: Examples,
}

impl Served {
    pub(crate) fn new(model: ApiModel) -> Result<Served, crate::StartError> {
        let routes = Routes::new(&model)?;
        let schemas = Schemas::compile(&model)?;
        let property_names = |schema: Option<&Value>| -> Vec<String> {
            schema
                .and_then(|schema| schema.get("properties"))
                .and_then(Value::as_object)
                .map(|properties| properties.keys().cloned().collect())
                .unwrap_or_default()
        };
        let summary_fields = model
            .schema("me")
            .and_then(|me| me.json_schema.pointer("/properties/summary/properties"))
            .and_then(Value::as_object)
            .map(|fields| {
                fields
                    .iter()
                    .map(|(name, schema)| (name.clone(), schema.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let payload_categories =
            property_names(model.schema("payload-stats").map(|s| &s.json_schema));
        let text_rules = query::text_rules(&model);
        let rules = Rules::new(&model);
        let examples = Examples::new(&model, &schemas);
        Ok(Served {
            rules,
            examples,
            model,
            routes,
            schemas,
            summary_fields,
            payload_categories,
            text_rules,
        })
    }
}

/// The server's shared state: what its model gives (`Served`, shared) and its own world,
/// faults, journal and rate limiter.
pub(crate) struct App {
    served: Arc<Served>,
    pub body_timeout: Duration,
    world: Mutex<World>,
    faults: Mutex<Faults>,
    journal: Mutex<Journal>,
    /// Internally synchronised: no lock of ours.
    rate_limiter: Option<RateLimiter>,
}

impl std::ops::Deref for App {
    type Target = Served;

    fn deref(&self) -> &Served {
        &self.served
    }
}

impl App {
    pub(crate) fn new(served: Arc<Served>, world: World, extras: Extras) -> App {
        App {
            served,
            body_timeout: extras.body_timeout,
            world: Mutex::new(world),
            faults: Mutex::new(extras.faults),
            journal: Mutex::new(Journal::default()),
            rate_limiter: extras.rate_limiter,
        }
    }

    /// The world, even if a previous holder panicked (it cannot leave it half-changed in a way
    /// that matters more than stopping the whole fake would).
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.faults)
    }

    pub(crate) fn journal(&self) -> MutexGuard<'_, Journal> {
        lock(&self.journal)
    }

    pub(crate) fn rate_limiter(&self) -> Option<&RateLimiter> {
        self.rate_limiter.as_ref()
    }
}

/// A lock, even if a previous holder panicked (none leaves its data half-changed in a way that
/// matters more than stopping the whole fake would).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
