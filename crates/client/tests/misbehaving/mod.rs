//! A loopback HTTP/1.1 server on a raw `TcpListener` that misbehaves on cue: it can answer, reset
//! a connection mid-body, drip a body slowly, or close a kept-alive connection without answering.
//! Each request takes the next act of a script (then a default act), and is counted.
#![allow(dead_code)] // each test binary uses part of it

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Act {
    /// Answers with `status`, extra headers and `body`; the connection stays open.
    Answer {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: String,
    },
    /// Sends a 200 head announcing 1000 bytes, 10 of them, then resets the connection.
    ResetMidBody,
    /// Sends a 200 head announcing 1000 bytes, then one byte every `every`.
    Drip { every: Duration },
    /// Reads the request, then closes the connection without a word (what a server does when
    /// its idle timeout fires just as a pooled connection is reused).
    CloseWithoutAnswer,
}

impl Act {
    pub fn status(status: u16, body: &str) -> Act {
        Act::Answer {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    pub fn with_header(self, name: &'static str, value: impl Into<String>) -> Act {
        match self {
            Act::Answer {
                status,
                mut headers,
                body,
            } => {
                headers.push((name, value.into()));
                Act::Answer {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    /// `GET /me?… HTTP/1.1`
    pub request_line: String,
    /// The whole head, lower-cased header names as sent.
    pub head: String,
    /// Which accepted connection (1, 2, …) it came on.
    pub connection: usize,
}

struct Shared {
    script: Mutex<VecDeque<Act>>,
    then: Act,
    seen: Mutex<Vec<Seen>>,
}

pub struct Misbehaving {
    pub url: String,
    shared: Arc<Shared>,
}

impl Misbehaving {
    /// Serves `script` in order, then `then` for every further request.
    pub async fn start(script: Vec<Act>, then: Act) -> Misbehaving {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Shared {
            script: Mutex::new(script.into()),
            then,
            seen: Mutex::new(Vec::new()),
        });
        let serving = shared.clone();
        tokio::spawn(async move {
            let mut connection = 0;
            while let Ok((stream, _)) = listener.accept().await {
                // Each write leaves at once, as from a real server (the fake sets it too):
                // otherwise Nagle's algorithm holds an answer's body behind the head until the
                // client's delayed ACK, 40 ms of wall-clock time a paused clock cannot see.
                let _ = stream.set_nodelay(true);
                connection += 1;
                tokio::spawn(serve(stream, connection, serving.clone()));
            }
        });
        Misbehaving { url, shared }
    }

    /// How many requests arrived (whole heads read).
    pub fn count(&self) -> usize {
        self.shared.seen.lock().unwrap().len()
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

async fn serve(mut stream: TcpStream, connection: usize, shared: Arc<Shared>) {
    let mut buffer = Vec::new();
    loop {
        let head_end = loop {
            if let Some(end) = find(&buffer, b"\r\n\r\n") {
                break end + 4;
            }
            let mut chunk = [0u8; 8192];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
        let length: usize = head
            .lines()
            .find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            })
            .unwrap_or(0);
        while buffer.len() < head_end + length {
            let mut chunk = [0u8; 8192];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        }
        buffer.drain(..head_end + length);
        shared.seen.lock().unwrap().push(Seen {
            request_line: head.lines().next().unwrap_or("").to_string(),
            head: head.clone(),
            connection,
        });
        let act = shared
            .script
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| shared.then.clone());
        match act {
            Act::Answer {
                status,
                headers,
                body,
            } => {
                let mut answer = format!(
                    "HTTP/1.1 {status} Scripted\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
                    body.len()
                );
                for (name, value) in headers {
                    answer.push_str(&format!("{name}: {value}\r\n"));
                }
                answer.push_str("\r\n");
                if stream.write_all(answer.as_bytes()).await.is_err()
                    || stream.write_all(body.as_bytes()).await.is_err()
                {
                    return;
                }
            }
            Act::ResetMidBody => {
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"firstName\"";
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.flush().await;
                // Linger 0: closing sends a reset, not an orderly end.
                let _ = stream.set_zero_linger();
                return;
            }
            Act::Drip { every } => {
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                for _ in 0..1000 {
                    if stream.write_all(b" ").await.is_err() {
                        return;
                    }
                    tokio::time::sleep(every).await;
                }
                return;
            }
            Act::CloseWithoutAnswer => return,
        }
    }
}
