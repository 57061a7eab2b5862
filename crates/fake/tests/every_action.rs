//! Fake route, every action: each action of every resource of the compiled-in model, called
//! over HTTP with its documented example values (path ids of items the fake holds, query values,
//! the body parameter's schema example), answers a 2xx whose body is valid against its
//! documented success schema (or no body where none is documented).

mod common;

use common::Api;
use serde_json::{json, Value};
use wegnology_fake::FakeConfig;
use wegnology_model::{Action, ApiModel, Location, ParamExample, ParamType};

/// The example value of a parameter: a literal's text, a schema example's JSON.
fn example(model: &ApiModel, example: Option<&ParamExample>) -> Option<Value> {
    match example? {
        ParamExample::Literal(text) => Some(Value::from(text.clone())),
        ParamExample::SchemaExample(anchor) => model.schema(anchor)?.example.clone(),
    }
}

/// `name[0][key]=v` pairs for a value, as the official JS client flattens objects and lists.
fn flatten(name: &str, value: &Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                flatten(&format!("{name}[{key}]"), member, pairs);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                flatten(&format!("{name}[{index}]"), item, pairs);
            }
        }
        Value::String(text) => pairs.push((name.to_string(), text.clone())),
        other => pairs.push((name.to_string(), other.to_string())),
    }
}

/// The action's path with each placeholder an id the fake holds (a stored item's, by the same
/// path above it), else the documented example.
fn concrete_path(api: &Api, model: &ApiModel, action: &Action) -> String {
    let stored = api.server.stored_paths();
    let mut path = String::new();
    for segment in action.path.trim_start_matches('/').split('/') {
        let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
            path.push('/');
            path.push_str(segment);
            continue;
        };
        let below = format!("{path}/");
        let held = stored
            .iter()
            .filter_map(|p| p.strip_prefix(&below))
            .find_map(|rest| rest.split('/').next().filter(|id| !id.is_empty()));
        let value = match (held, name) {
            (Some(id), _) => id.to_string(),
            (None, "inviteId") if action.resource == "me" => api.server.invite_ids()[0].clone(),
            _ => action
                .params
                .iter()
                .find(|p| p.name == name && p.location == Location::Path)
                .and_then(|p| example(model, p.example.as_ref()))
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| "575ec8687ae143cd83dc4a97".into()),
        };
        path.push('/');
        path.push_str(&value);
    }
    path
}

/// Me's documented examples carry credentials that are not this user's: the server's own, and
/// a prepared two-factor key, are used instead.
async fn me_body(api: &Api, action: &Action, body: &mut Value) {
    if let Some(members) = body.as_object_mut() {
        for (name, value) in members.iter_mut() {
            match name.as_str() {
                "password" => *value = Value::from(FakeConfig::DEFAULT_PASSWORD),
                "email" => *value = Value::from(FakeConfig::DEFAULT_EMAIL),
                _ => {}
            }
        }
    }
    if action.camel_name == "enableTwoFactorAuth" || action.camel_name == "disableTwoFactorAuth" {
        let info = api
            .call("PATCH", "/me/generateTwoFactorAuth", None)
            .await
            .ok();
        let key = info["key"].as_str().expect("key").to_string();
        let code = common::totp_code(&key);
        *body = json!({"password": FakeConfig::DEFAULT_PASSWORD, "twoFactorCode": code});
        if action.camel_name == "disableTwoFactorAuth" {
            api.call("PATCH", "/me/enableTwoFactorAuth", Some(body))
                .await
                .ok();
        }
    }
}

/// Calls `action` on a fresh fake with its documented examples; the problem, if any.
async fn call_with_examples(model: &ApiModel, action: &Action) -> Option<String> {
    let api = Api::start().await;
    let path = concrete_path(&api, model, action);
    let mut query: Vec<(String, String)> = Vec::new();
    for param in &action.params {
        let Some(value) = example(model, param.example.as_ref()) else {
            continue;
        };
        match (param.location, &param.ty) {
            (Location::Query, ParamType::Schema { .. }) => flatten(&param.name, &value, &mut query),
            // A few examples are not among the values their own table accepts (`filterField`
            // `key` where only `name, status` are): the first accepted value stands in.
            (Location::Query, ParamType::Enum { values })
                if !values.iter().any(|v| Some(v.as_str()) == value.as_str()) =>
            {
                query.push((param.name.clone(), values[0].clone()))
            }
            (Location::Query, _) => query.push((
                param.name.clone(),
                value
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| value.to_string()),
            )),
            (Location::QueryJson, _) => query.push((param.name.clone(), value.to_string())),
            _ => {}
        }
    }
    let method = reqwest::Method::from_bytes(action.method.as_str().as_bytes()).expect("method");
    let mut request = api
        .http
        .request(method, format!("{}{path}", api.server.url()))
        .query(&query)
        .bearer_auth(api.token());
    for param in action.params_in(Location::Header) {
        if let Some(Value::String(value)) = example(model, param.example.as_ref()) {
            request = request.header(param.name.as_str(), value);
        }
    }
    if let Some(param) = action.body() {
        let mut body = example(model, param.example.as_ref())
            .or_else(|| action.body_example.clone())
            .unwrap_or_else(|| json!({}));
        if action.resource == "me" {
            me_body(&api, action, &mut body).await;
        }
        request = request.json(&body);
    }
    if action.params_in(Location::Multipart).next().is_some() {
        let boundary = "fake-example-boundary";
        let mut body = String::new();
        for param in action.params_in(Location::Multipart) {
            let Some(value) = example(model, param.example.as_ref()).or_else(|| {
                (param.ty == ParamType::File).then(|| Value::from("example file content\n"))
            }) else {
                continue;
            };
            let text = value
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| value.to_string());
            let file = if param.ty == ParamType::File {
                "; filename=\"example.txt\"\r\nContent-Type: text/plain"
            } else {
                ""
            };
            body.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"{file}\r\n\r\n{text}\r\n",
                param.name
            ));
        }
        body.push_str(&format!("--{boundary}--\r\n"));
        request = request
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body);
    }
    let response = request.send().await.expect("the fake answers");
    let answer = Api::answer(response).await;
    let problem = if !(200..300).contains(&answer.status) {
        Some(format!(
            "{} {path}: {} {}",
            action.method.as_str(),
            answer.status,
            answer.body
        ))
    } else {
        let documented = action.successes.iter().find(|s| s.status == answer.status);
        match documented.and_then(|s| s.schema.as_deref()) {
            None if documented.is_none() => Some(format!("undocumented status {}", answer.status)),
            None => (answer.body != Value::String(String::new()))
                .then(|| format!("a body where none is documented: {}", answer.body)),
            Some(schema) => api
                .server
                .schemas()
                .check(schema, &answer.body)
                .err()
                .map(|problem| format!("answer not a `{schema}`: {problem}")),
        }
    };
    api.server.shutdown().await;
    problem.map(|problem| format!("{}: {problem}", action.id()))
}

#[tokio::test]
async fn every_action_answers_its_documented_examples_with_a_documented_success() {
    let model = wegnology_fake::model().expect("model");
    assert_eq!(model.resources.len(), 85);
    let mut failures = Vec::new();
    for action in &model.actions {
        if let Some(problem) = call_with_examples(model, action).await {
            failures.push(problem);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} actions failed:\n{}",
        failures.len(),
        model.actions.len(),
        failures.join("\n")
    );
}
