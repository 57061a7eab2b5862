//! The fake server's throughput for a mixed read workload, against the canned server as the
//! baseline: the same raw GET requests, in turn over every read action.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use wegnology_model::{ApiModel, Location, Method, ParamExample};

use crate::harness::{CallError, Caller};
use crate::server::Routes;

/// Path and query of every `GET` action without path parameters, its required query
/// parameters set to their documented examples.
pub fn read_targets(model: &ApiModel) -> Vec<String> {
    model
        .actions
        .iter()
        .filter(|a| a.method == Method::Get && a.params_in(Location::Path).next().is_none())
        .map(|action| {
            let query: Vec<String> = action
                .params_in(Location::Query)
                .filter(|p| p.required)
                .filter_map(|p| match &p.example {
                    Some(ParamExample::Literal(value)) => Some(format!("{}={value}", p.name)),
                    _ => None,
                })
                .collect();
            if query.is_empty() {
                action.path.clone()
            } else {
                format!("{}?{}", action.path, query.join("&"))
            }
        })
        .collect()
}

/// The canned server's routes for the same reads: the examples, `{}` where a schema has none.
pub fn baseline_routes(model: &ApiModel) -> Routes {
    let mut routes = Routes::from_model(model);
    for action in &model.actions {
        if routes.body(action.method.as_str(), &action.path).is_none() {
            routes.insert(action.method.as_str(), &action.path, &b"{}"[..]);
        }
    }
    routes
}

/// A GET of the next target in turn; the body is read, not decoded.
#[derive(Clone)]
pub struct MixedReads {
    http: reqwest::Client,
    base_url: Arc<str>,
    token: Arc<str>,
    targets: Arc<[String]>,
    next: Arc<AtomicUsize>,
}

impl MixedReads {
    pub fn new(base_url: &str, token: &str, targets: Vec<String>) -> MixedReads {
        MixedReads {
            http: reqwest::Client::new(),
            base_url: base_url.into(),
            token: token.into(),
            targets: targets.into(),
            next: Arc::default(),
        }
    }
}

impl Caller for MixedReads {
    async fn call(&self) -> Result<(), CallError> {
        let n = self.next.fetch_add(1, Ordering::Relaxed) % self.targets.len();
        let response = self
            .http
            .get(format!("{}{}", self.base_url, self.targets[n]))
            .bearer_auth(&*self.token)
            .send()
            .await?
            .error_for_status()?;
        std::hint::black_box(response.bytes().await?);
        Ok(())
    }
}
