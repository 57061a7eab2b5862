//! The route table: which action a method and a path are, across every action of the model.
//!
//! A trie of path segments, built once from the model's path templates: each node has its
//! literal children by segment text and at most one placeholder child. Matching walks the
//! request's segments, trying the literal child before the placeholder (so
//! `/applications/{applicationId}/devices/attributeNames` wins over
//! `/applications/{applicationId}/devices/{deviceId}`), and backs off to the placeholder when
//! the literal branch does not lead to an action of that method. The cost of a match is the
//! depth of the path, not the number of actions. Imports nothing else of the fake but `call`.

use std::collections::HashMap;

use wegnology_model::{ApiModel, Method};

use crate::call::ApiError;

/// Why the model cannot be served.
#[derive(Debug, thiserror::Error)]
pub enum RouteError {
    #[error("action `{action}` has a path the fake cannot route: `{path}`")]
    BadPath { action: String, path: String },
    #[error("actions `{first}` and `{second}` both use {method} {path}")]
    Duplicate {
        first: String,
        second: String,
        method: &'static str,
        path: String,
    },
}

/// What a method and path are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Routed {
    /// The action at this index of `model.actions`.
    Action(usize),
    /// The path is an action's, but not with this method.
    WrongMethod,
    /// No action has this path.
    UnknownPath,
}

#[derive(Debug, Default)]
struct Node {
    literals: HashMap<String, Node>,
    placeholder: Option<Box<Node>>,
    /// The actions ending here, by method.
    actions: Vec<(Method, usize)>,
}

/// The route table of a model.
#[derive(Debug, Default)]
pub(crate) struct Routes {
    root: Node,
}

/// `{name}` → `name`.
pub(crate) fn placeholder(segment: &str) -> Option<&str> {
    segment.strip_prefix('{').and_then(|s| s.strip_suffix('}'))
}

/// Whether this path template can be routed: `/`-separated literal segments and `{name}`s.
fn path_is_routable(path: &str) -> bool {
    path.starts_with('/')
        && path[1..].split('/').all(|segment| {
            if let Some(name) = placeholder(segment) {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            } else {
                !segment.is_empty() && !segment.contains(['{', '}', '*', ':']) && segment.is_ascii()
            }
        })
}

impl Routes {
    /// The route table of every action of `model`; two actions on one method and path, or a
    /// path that is not a plain template, are an error.
    pub(crate) fn new(model: &ApiModel) -> Result<Routes, RouteError> {
        let mut routes = Routes::default();
        for (index, action) in model.actions.iter().enumerate() {
            if !path_is_routable(&action.path) {
                return Err(RouteError::BadPath {
                    action: action.id(),
                    path: action.path.clone(),
                });
            }
            let mut node = &mut routes.root;
            for segment in action.path[1..].split('/') {
                node = if placeholder(segment).is_some() {
                    node.placeholder.get_or_insert_with(Box::default)
                } else {
                    node.literals.entry(segment.to_string()).or_default()
                };
            }
            if let Some((_, first)) = node.actions.iter().find(|(m, _)| *m == action.method) {
                return Err(RouteError::Duplicate {
                    first: model.actions[*first].id(),
                    second: action.id(),
                    method: action.method.as_str(),
                    path: action.path.clone(),
                });
            }
            node.actions.push((action.method, index));
        }
        Ok(routes)
    }

    /// The action of `method` at `path` (as sent, not decoded). `HEAD` is routed as `GET`.
    pub(crate) fn route(&self, method: &str, path: &str) -> Routed {
        let method = match method {
            "HEAD" => Method::Get,
            other => match Method::parse(other) {
                Some(method) => method,
                None => {
                    return if self.find(path, None).is_some() {
                        Routed::WrongMethod
                    } else {
                        Routed::UnknownPath
                    }
                }
            },
        };
        match self.find(path, Some(method)) {
            Some(index) => Routed::Action(index),
            None if self.find(path, None).is_some() => Routed::WrongMethod,
            None => Routed::UnknownPath,
        }
    }

    /// The first action (literal segments first) at `path` with `method` (any method: `None`).
    fn find(&self, path: &str, method: Option<Method>) -> Option<usize> {
        let rest = path.strip_prefix('/')?;
        let segments: Vec<&str> = rest.split('/').collect();
        walk(&self.root, &segments, method)
    }
}

fn walk(node: &Node, segments: &[&str], method: Option<Method>) -> Option<usize> {
    let Some((first, rest)) = segments.split_first() else {
        return node
            .actions
            .iter()
            .find(|(m, _)| method.is_none_or(|wanted| wanted == *m))
            .map(|(_, index)| *index);
    };
    if first.is_empty() {
        return None;
    }
    if let Some(found) = node
        .literals
        .get(*first)
        .and_then(|child| walk(child, rest, method))
    {
        return Some(found);
    }
    node.placeholder
        .as_deref()
        .and_then(|child| walk(child, rest, method))
}

/// The path parameters of `path` by the names of `template`'s placeholders, percent-decoded.
pub(crate) fn path_params(template: &str, path: &str) -> Result<Vec<(String, String)>, ApiError> {
    let mut params = Vec::new();
    for (segment, actual) in template.split('/').zip(path.split('/')) {
        let Some(name) = placeholder(segment) else {
            continue;
        };
        let decoded = percent_encoding::percent_decode_str(actual)
            .decode_utf8()
            .map_err(|_| ApiError::validation(format!("path parameter `{name}` is not UTF-8")))?;
        params.push((name.to_string(), decoded.into_owned()));
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegnology_model::Action;

    fn action(resource: &str, name: &str, method: Method, path: &str) -> Action {
        Action {
            resource: resource.into(),
            api_version: "1".into(),
            title: name.into(),
            snake_name: name.into(),
            camel_name: name.into(),
            description: String::new(),
            method,
            path: path.into(),
            scopes: Vec::new(),
            token_required: true,
            params: Vec::new(),
            body_example: None,
            successes: Vec::new(),
            errors: Vec::new(),
            sources: Vec::new(),
        }
    }

    fn model(actions: Vec<Action>) -> ApiModel {
        ApiModel {
            api_version: "1".into(),
            base_url: String::new(),
            query_defaults: Vec::new(),
            resources: Vec::new(),
            actions,
            schemas: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn literal_segments_win_over_placeholders_and_methods_back_off() {
        let routes = Routes::new(&model(vec![
            action(
                "device",
                "get",
                Method::Get,
                "/apps/{appId}/devices/{deviceId}",
            ),
            action(
                "devices",
                "names",
                Method::Get,
                "/apps/{appId}/devices/names",
            ),
            action(
                "device",
                "post",
                Method::Post,
                "/apps/{appId}/devices/{deviceId}",
            ),
            action("apps", "get", Method::Get, "/apps"),
        ]))
        .expect("routable");
        assert_eq!(
            routes.route("GET", "/apps/a/devices/names"),
            Routed::Action(1)
        );
        assert_eq!(routes.route("GET", "/apps/a/devices/d"), Routed::Action(0));
        // No POST on the literal: the placeholder's POST answers.
        assert_eq!(
            routes.route("POST", "/apps/a/devices/names"),
            Routed::Action(2)
        );
        assert_eq!(routes.route("HEAD", "/apps"), Routed::Action(3));
        assert_eq!(routes.route("DELETE", "/apps"), Routed::WrongMethod);
        assert_eq!(routes.route("BREW", "/apps"), Routed::WrongMethod);
        for path in [
            "/",
            "/apps/",
            "/apps//devices",
            "/apps/a/devices/d/x",
            "apps",
            "",
        ] {
            assert_eq!(routes.route("GET", path), Routed::UnknownPath, "{path}");
        }
    }

    #[test]
    fn duplicates_and_unroutable_templates_are_errors() {
        let duplicate = model(vec![
            action("a", "one", Method::Get, "/a/{x}"),
            action("a", "two", Method::Get, "/a/{y}"),
        ]);
        assert!(matches!(
            Routes::new(&duplicate),
            Err(RouteError::Duplicate { .. })
        ));
        for path in ["/a/*rest", "a", "/a/{}", "/a/:x", "/a//b"] {
            let bad = model(vec![action("a", "one", Method::Get, path)]);
            assert!(
                matches!(Routes::new(&bad), Err(RouteError::BadPath { .. })),
                "{path}"
            );
        }
    }

    #[test]
    fn path_parameters_are_named_by_the_template_and_decoded() {
        let params = path_params("/apps/{appId}/devices/{deviceId}", "/apps/a%20b/devices/d")
            .expect("decodes");
        assert_eq!(
            params,
            vec![
                ("appId".to_string(), "a b".to_string()),
                ("deviceId".to_string(), "d".to_string())
            ]
        );
        assert!(path_params("/apps/{appId}", "/apps/%ff").is_err());
    }
}
