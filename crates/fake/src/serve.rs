//! The accept loop: HTTP/1 connections served by hyper with a timer, so that a connection
//! that sends no complete request head within the idle timeout (new, or kept alive between
//! requests) is closed; at most `max_connections` at once, the longest idle one closed to make
//! room for a new one; and a shutdown that waits for requests in flight only until a deadline.

use std::collections::HashMap;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, Notify};
use tokio::task::JoinSet;
use tower::ServiceExt;

/// How the server treats connections.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub idle_timeout: Duration,
    pub max_connections: usize,
    pub shutdown_timeout: Duration,
}

/// One open connection, as the accept loop and the request handlers see it.
#[derive(Debug)]
pub(crate) struct Connection {
    /// Requests being answered on it now.
    in_flight: AtomicUsize,
    /// Milliseconds since the server started, at the last byte read or written.
    last_active: AtomicU64,
    /// Close it: gracefully (eviction, shutdown) or with a reset.
    close: Notify,
    /// Asked to close (so eviction does not choose it twice).
    closing: AtomicBool,
    reset: AtomicBool,
    epoch: Instant,
}

impl Connection {
    fn touch(&self) {
        let now = self.epoch.elapsed().as_millis() as u64;
        self.last_active.store(now, Ordering::Relaxed);
    }

    /// Drops the connection at once with a TCP reset (an injected fault).
    pub(crate) fn reset(&self) {
        self.reset.store(true, Ordering::SeqCst);
        self.closing.store(true, Ordering::SeqCst);
        self.close.notify_one();
    }
}

/// Handed to every request (as a request extension), so a fault can reset its connection.
#[derive(Debug, Clone)]
pub(crate) struct ConnectionHandle(pub Arc<Connection>);

/// Counts the server keeps, for [`crate::FakeServer::open_connections`].
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub open: AtomicUsize,
    pub accepted: AtomicU64,
    pub evicted: AtomicU64,
}

/// The TCP stream, noting activity; with a reset requested, it closes with SO_LINGER 0 (RST).
struct TrackedStream {
    stream: TcpStream,
    connection: Arc<Connection>,
}

impl Drop for TrackedStream {
    fn drop(&mut self) {
        if self.connection.reset.load(Ordering::SeqCst) {
            // Only the kind of close changes; if it cannot be set the close is a FIN instead.
            let _ = socket2::SockRef::from(&self.stream).set_linger(Some(Duration::ZERO));
        }
    }
}

impl AsyncRead for TrackedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.connection.touch();
        }
        polled
    }
}

impl AsyncWrite for TrackedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.connection.touch();
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

type Registry = Arc<Mutex<HashMap<u64, Arc<Connection>>>>;

fn registry_lock(registry: &Registry) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Connection>>> {
    registry
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The open connection without a request in flight that was active longest ago (of those
/// active in the same millisecond, the first accepted).
fn longest_idle(registry: &Registry) -> Option<Arc<Connection>> {
    registry_lock(registry)
        .iter()
        .filter(|(_, c)| {
            c.in_flight.load(Ordering::SeqCst) == 0 && !c.closing.load(Ordering::SeqCst)
        })
        .min_by_key(|(id, c)| (c.last_active.load(Ordering::Relaxed), **id))
        .map(|(_, c)| c.clone())
}

/// Serves `router` on `listener` until `stop` fires (or its sender is dropped), then closes
/// every connection within `limits.shutdown_timeout`.
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    counters: Arc<Counters>,
    mut stop: oneshot::Receiver<()>,
) {
    let epoch = Instant::now();
    let registry: Registry = Arc::default();
    let mut connections: JoinSet<()> = JoinSet::new();
    let mut next_id: u64 = 0;
    let max_connections = limits.max_connections.max(1);
    'accepting: loop {
        // At the cap: close the longest idle connection and wait for one to end.
        while connections.len() >= max_connections {
            if let Some(idle) = longest_idle(&registry) {
                idle.closing.store(true, Ordering::SeqCst);
                idle.close.notify_one();
                counters.evicted.fetch_add(1, Ordering::Relaxed);
            }
            tokio::select! {
                _ = &mut stop => break 'accepting,
                _ = connections.join_next() => {}
                // Every connection busy: look again shortly for one that went idle.
                _ = tokio::time::sleep(Duration::from_millis(50)) => {}
            }
        }
        let stream = tokio::select! {
            _ = &mut stop => break 'accepting,
            Some(_) = connections.join_next(), if !connections.is_empty() => continue,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors or a connection gone before it was accepted: wait
                // a moment rather than spin, and go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        next_id += 1;
        let id = next_id;
        let connection = Arc::new(Connection {
            in_flight: AtomicUsize::new(0),
            last_active: AtomicU64::new(0),
            close: Notify::new(),
            closing: AtomicBool::new(false),
            reset: AtomicBool::new(false),
            epoch,
        });
        connection.touch();
        registry_lock(&registry).insert(id, connection.clone());
        counters.accepted.fetch_add(1, Ordering::Relaxed);
        counters.open.fetch_add(1, Ordering::SeqCst);
        let router = router.clone();
        let registry = registry.clone();
        let counters = counters.clone();
        connections.spawn(async move {
            serve_connection(stream, router, connection, limits).await;
            registry_lock(&registry).remove(&id);
            counters.open.fetch_sub(1, Ordering::SeqCst);
        });
    }
    drop(listener);
    for connection in registry_lock(&registry).values() {
        connection.close.notify_one();
    }
    let all_closed = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(limits.shutdown_timeout, all_closed)
        .await
        .is_err()
    {
        // Past the deadline: drop what is left, closing its sockets.
        connections.shutdown().await;
        let mut open = registry_lock(&registry);
        counters.open.fetch_sub(open.len(), Ordering::SeqCst);
        open.clear();
    }
}

async fn serve_connection(
    stream: TcpStream,
    router: Router,
    connection: Arc<Connection>,
    limits: Limits,
) {
    let io = TokioIo::new(TrackedStream {
        stream,
        connection: connection.clone(),
    });
    let handle = ConnectionHandle(connection.clone());
    let service = hyper::service::service_fn(move |mut request: hyper::Request<_>| {
        let router = router.clone();
        let connection = handle.0.clone();
        request.extensions_mut().insert(handle.clone());
        connection.in_flight.fetch_add(1, Ordering::SeqCst);
        async move {
            let response = router.oneshot(request.map(axum::body::Body::new)).await;
            connection.in_flight.fetch_sub(1, Ordering::SeqCst);
            connection.touch();
            response
        }
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        // The timer starts when the server waits for a request head: on a new connection and
        // after each answer on a kept-alive one. So this is the idle timeout too.
        .header_read_timeout(limits.idle_timeout)
        .keep_alive(true)
        .serve_connection(io, service);
    tokio::pin!(served);
    tokio::select! {
        _ = served.as_mut() => return,
        _ = connection.close.notified() => {}
    }
    if connection.reset.load(Ordering::SeqCst) {
        return; // dropping `served` drops the stream: a reset
    }
    if connection.in_flight.load(Ordering::SeqCst) == 0 {
        // Nothing to finish (hyper's graceful shutdown would wait for a first request head on
        // a connection that never sent one): close now.
        return;
    }
    served.as_mut().graceful_shutdown();
    // A request in flight may finish; the accept loop's deadline bounds the wait at shutdown,
    // and this one bounds it for an evicted connection.
    let _ = tokio::time::timeout(limits.shutdown_timeout, served).await;
}
