//! Drives a fake over real HTTP on 127.0.0.1.

#![allow(dead_code)]

pub mod load;

use reqwest::Method;
use serde_json::Value;
use totp_rs::{Algorithm, Secret, TOTP};
use wegnology_fake::{FakeConfig, FakeServer};

pub struct Api {
    pub server: FakeServer,
    pub http: reqwest::Client,
}

/// A response: status and JSON body (`Value::String` of the text when it is not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    /// Asserts an `Error` body with this status and returns its message.
    pub fn error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "unexpected answer: {:?}", self.body);
        assert!(
            self.body["type"].is_string(),
            "no error type: {:?}",
            self.body
        );
        self.body["message"]
            .as_str()
            .expect("error message")
            .to_string()
    }

    /// Asserts a 200 and returns the body.
    pub fn ok(self) -> Value {
        assert_eq!(self.status, 200, "unexpected answer: {:?}", self.body);
        self.body
    }
}

impl Api {
    pub async fn start() -> Api {
        Self::start_with(FakeConfig::default()).await
    }

    pub async fn start_with(config: FakeConfig) -> Api {
        let server = FakeServer::start_with(config).await.expect("fake starts");
        Api {
            server,
            http: reqwest::Client::new(),
        }
    }

    pub fn token(&self) -> String {
        self.server.token().to_string()
    }

    /// Sends `method path` with an optional bearer token and JSON body.
    pub async fn send(
        &self,
        method: &str,
        path_and_query: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Answer {
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self
            .http
            .request(method, format!("{}{path_and_query}", self.server.url()))
            .header("Accept", "application/json");
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.expect("request reaches the fake");
        Self::answer(response).await
    }

    pub async fn answer(response: reqwest::Response) -> Answer {
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer { status, body }
    }

    /// Sends with the server's token.
    pub async fn call(&self, method: &str, path_and_query: &str, body: Option<&Value>) -> Answer {
        let token = self.token();
        self.send(method, path_and_query, Some(&token), body).await
    }

    pub async fn get(&self, path_and_query: &str) -> Answer {
        self.call("GET", path_and_query, None).await
    }
}

/// The current TOTP code for a base32 key, as an authenticator app would show it.
pub fn totp_code(key: &str) -> String {
    let secret = Secret::Encoded(key.to_string())
        .to_bytes()
        .expect("base32 key");
    TOTP::new(Algorithm::SHA1, 6, 1, 30, secret, None, String::new())
        .expect("valid TOTP parameters")
        .generate_current()
        .expect("system time")
}

/// A TOTP code that is not valid now (the current one, changed).
pub fn wrong_code(key: &str) -> String {
    let code = totp_code(key);
    code.chars()
        .map(|c| {
            let digit = c.to_digit(10).unwrap_or(0);
            char::from_digit((digit + 5) % 10, 10).unwrap_or('0')
        })
        .collect()
}
