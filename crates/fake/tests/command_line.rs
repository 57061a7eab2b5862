//! The `wegnology-fake` binary: faults and rate limiting from the command line.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The running binary; killed when dropped.
struct Fake {
    child: Child,
    url: String,
    token: String,
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Fake {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wegnology-fake"))
        .args(["--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut url = None;
    let mut token = None;
    // It prints its URL and token, then waits for Ctrl-C.
    for line in BufReader::new(stdout).lines().take(20) {
        let line = line.expect("a line");
        if let Some(rest) = line.strip_prefix("WEGnology fake Me API at ") {
            url = Some(rest.trim().to_string());
        }
        if let Some(rest) = line.strip_prefix("token:") {
            token = Some(rest.trim().to_string());
        }
        if line.starts_with("Ctrl-C") {
            break;
        }
    }
    Fake {
        url: url.expect("a URL printed"),
        token: token.expect("a token printed"),
        child,
    }
}

async fn statuses(fake: &Fake, count: usize) -> Vec<u16> {
    let http = reqwest::Client::new();
    let mut statuses = Vec::new();
    for _ in 0..count {
        let response = http
            .get(format!("{}/me", fake.url))
            .bearer_auth(&fake.token)
            .send()
            .await
            .expect("answered");
        statuses.push(response.status().as_u16());
    }
    statuses
}

#[tokio::test]
async fn faults_from_the_command_line() {
    let fake = start(&[
        "--fault",
        "status=503,next=2",
        "--fault",
        "status=429,retry-after=1,next=1",
    ]);
    assert_eq!(statuses(&fake, 4).await, [503, 503, 429, 200]);
}

#[tokio::test]
async fn rate_limiting_from_the_command_line() {
    let fake = start(&["--rate-limit", "2"]);
    assert_eq!(statuses(&fake, 3).await, [200, 200, 429]);
}

#[test]
fn a_bad_fault_rule_is_refused_naming_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_wegnology-fake"))
        .args(["--port", "0", "--fault", "explode"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad fault rule `explode`"), "{stderr}");
}
