//! A loopback HTTP server that records each request and answers with a canned response.
#![allow(dead_code)] // each test binary uses part of it

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Option<serde_json::Value> {
        (!self.body.is_empty())
            .then(|| serde_json::from_slice(&self.body).expect("the body is JSON"))
    }
}

/// How the server answers: a status, a body, and an optional delay.
#[derive(Clone)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub delay: Duration,
}

type Shared = Arc<(
    Mutex<Vec<Recorded>>,
    Box<dyn Fn(&Recorded) -> Answer + Send + Sync>,
)>;

pub struct Recorder {
    pub url: String,
    shared: Shared,
}

impl Recorder {
    pub async fn start(answer: impl Fn(&Recorded) -> Answer + Send + Sync + 'static) -> Recorder {
        let shared: Shared = Arc::new((Mutex::new(Vec::new()), Box::new(answer)));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let app = axum::Router::new()
            .fallback(record)
            .with_state(shared.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Recorder { url, shared }
    }

    /// How many requests were received.
    pub fn count(&self) -> usize {
        self.shared.0.lock().unwrap().len()
    }

    /// Every request received, in order.
    pub fn all(&self) -> Vec<Recorded> {
        self.shared.0.lock().unwrap().clone()
    }

    /// The last request received.
    pub fn last(&self) -> Recorded {
        self.shared
            .0
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a request was recorded")
    }
}

async fn record(State(shared): State<Shared>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let recorded = Recorded {
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: url::form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
            .into_owned()
            .collect(),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect(),
        body: to_bytes(body, usize::MAX).await.unwrap().to_vec(),
    };
    let answer = (shared.1)(&recorded);
    shared.0.lock().unwrap().push(recorded);
    tokio::time::sleep(answer.delay).await;
    Response::builder()
        .status(StatusCode::from_u16(answer.status).unwrap())
        .header("content-type", "application/json")
        .body(Body::from(answer.body))
        .unwrap()
}
