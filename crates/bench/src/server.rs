//! A minimal keep-alive loopback HTTP/1.1 server that answers every action of the model with the
//! documents' example body of its success schema.
//!
//! It does no work per request beyond a map lookup, so the clients being compared are what the
//! figures measure. It runs on its own thread and single-threaded runtime, apart from the
//! clients' runtime.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::sync::oneshot;
use wegnology_model::ApiModel;

/// One request as the server received it, for checking that two clients send the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenRequest {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names (lower case) and values, sorted.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// What the server answers: a body per method and path (the query is ignored).
#[derive(Debug, Clone, Default)]
pub struct Routes {
    /// Method, then path: nested so a lookup borrows `&str`s and allocates nothing.
    bodies: HashMap<String, HashMap<String, Bytes>>,
}

impl Routes {
    /// The example of each action's success schema, for every action whose schema has one
    /// (`_schemas.md` examples, as the model carries them).
    pub fn from_model(model: &ApiModel) -> Routes {
        let mut routes = Routes::default();
        for action in &model.actions {
            let example = action
                .success()
                .schema
                .as_deref()
                .and_then(|anchor| model.schema(anchor))
                .and_then(|schema| schema.example.as_ref());
            if let Some(example) = example {
                let body = serde_json::to_vec(example).expect("a JSON value serializes");
                routes.insert(action.method.as_str(), &action.path, body);
            }
        }
        routes
    }

    /// Answers `method path` with `body` (replacing an earlier body).
    pub fn insert(&mut self, method: &str, path: &str, body: impl Into<Bytes>) {
        self.bodies
            .entry(method.to_string())
            .or_default()
            .insert(path.to_string(), body.into());
    }

    pub fn body(&self, method: &str, path: &str) -> Option<&Bytes> {
        self.bodies.get(method)?.get(path)
    }
}

/// A running canned server. Stops when dropped.
pub struct CannedServer {
    address: SocketAddr,
    seen: Option<Arc<Mutex<Vec<SeenRequest>>>>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl CannedServer {
    /// Starts serving `routes` on a free loopback port.
    pub fn start(routes: Routes) -> std::io::Result<CannedServer> {
        Self::spawn(routes, None, None)
    }

    /// Like [`CannedServer::start`], with the server's thread pinned to CPU `core` (see
    /// [`crate::harness::pin_to_core`]).
    pub fn start_on_core(routes: Routes, core: usize) -> std::io::Result<CannedServer> {
        Self::spawn(routes, None, Some(core))
    }

    /// Like [`CannedServer::start`], and keeps every request for [`CannedServer::seen`]
    /// (for tests; it costs a lock and copies per request).
    pub fn start_recording(routes: Routes) -> std::io::Result<CannedServer> {
        Self::spawn(routes, Some(Arc::default()), None)
    }

    fn spawn(
        routes: Routes,
        seen: Option<Arc<Mutex<Vec<SeenRequest>>>>,
        core: Option<usize>,
    ) -> std::io::Result<CannedServer> {
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let routes = Arc::new(routes);
        let recorder = seen.clone();
        let thread = std::thread::Builder::new()
            .name("canned-server".into())
            .spawn(move || {
                if let Some(core) = core {
                    crate::harness::pin_to_core(core);
                }
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => listener,
                        Err(error) => {
                            eprintln!("canned server: {error}");
                            return;
                        }
                    };
                    tokio::select! {
                        _ = stopped => {}
                        _ = accept_loop(listener, routes, recorder) => {}
                    }
                });
            })?;
        Ok(CannedServer {
            address,
            seen,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The requests received so far (empty unless started with `start_recording`).
    pub fn seen(&self) -> Vec<SeenRequest> {
        self.seen
            .as_ref()
            .map(|seen| seen.lock().unwrap_or_else(|e| e.into_inner()).clone())
            .unwrap_or_default()
    }
}

impl Drop for CannedServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    routes: Arc<Routes>,
    seen: Option<Arc<Mutex<Vec<SeenRequest>>>>,
) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let routes = routes.clone();
        let seen = seen.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| answer(request, routes.clone(), seen.clone()));
            let _ = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer(
    request: Request<Incoming>,
    routes: Arc<Routes>,
    seen: Option<Arc<Mutex<Vec<SeenRequest>>>>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    // Read the whole request body, as a real server would, before answering.
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    if let Some(seen) = seen {
        let mut headers: Vec<(String, String)> = parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_string(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        headers.sort();
        let target = parts
            .uri
            .path_and_query()
            .map_or_else(|| parts.uri.path().to_string(), |pq| pq.to_string());
        seen.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(SeenRequest {
                method: parts.method.to_string(),
                target,
                headers,
                body: body.to_vec(),
            });
    }
    let response = match routes.body(parts.method.as_str(), parts.uri.path()) {
        Some(body) => Response::builder()
            .status(StatusCode::OK)
            .header("content-type", "application/json")
            .body(Full::new(body.clone())),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from_static(
                br#"{"type":"NotFound","message":"no canned body for this route"}"#,
            ))),
    };
    Ok(response.expect("static parts make a valid response"))
}
