//! Joins Me's model (its four documents, the newer release) with the package's model of every
//! resource (the older release): Me's documents decide Me, the package's older `me` page only
//! cross-checks them ([`authority::NEWER_RELEASE`]); a schema both schemas pages define is the
//! newer release's ([`authority::SCHEMA_RELEASE`]); every difference is a diagnostic.

use std::collections::{BTreeMap, BTreeSet};

use wegnology_model::{Action, ApiModel, Diagnostic, DiagnosticKind, Location, SourceRef};

use crate::authority;

/// The whole API: `me` (Me's documents) in place of the package's `me`, beside every other
/// resource of `package`.
pub fn combine(mut me: ApiModel, mut package: ApiModel) -> ApiModel {
    // Both models are taken apart: what the whole model keeps of them is moved, not copied.
    let mut diagnostics = std::mem::take(&mut me.diagnostics);
    let me_resources: BTreeSet<String> =
        me.resources.iter().map(|r| r.camel_name.clone()).collect();

    // Me's documents decide Me; the package's page of it only cross-checks.
    for older in package
        .actions
        .iter()
        .filter(|a| me_resources.contains(a.resource.as_str()))
    {
        match me
            .actions
            .iter()
            .find(|a| a.resource == older.resource && a.camel_name == older.camel_name)
        {
            Some(newer) => cross_check(&mut diagnostics, newer, older, &me.api_version),
            None => diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Gap,
                source: older.sources[0].clone(),
                resource: Some(older.resource.clone()),
                action: Some(older.title.clone()),
                schema: None,
                message: format!(
                    "the package's release {} documents `{}`, which Me's documents ({}) do not",
                    older.api_version,
                    older.id(),
                    me.api_version
                ),
                kept: "the action left out".to_string(),
                reason: authority::NEWER_RELEASE.why.to_string(),
            }),
        }
    }
    if me.base_url != package.base_url {
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::Disagreement,
            source: SourceRef {
                file: crate::package::INDEX.to_string(),
                line: 1,
            },
            resource: None,
            action: None,
            schema: None,
            message: format!("the package's base URL is `{}`", package.base_url),
            kept: format!("`{}`", me.base_url),
            reason: authority::NEWER_RELEASE.why.to_string(),
        });
    }

    // Schemas: the newer release's first, then what only the package has.
    let mut only_package = Vec::new();
    let mut from_package = BTreeSet::new();
    for schema in std::mem::take(&mut package.schemas) {
        match me.schemas.iter().find(|s| s.title == schema.title) {
            Some(newer) => {
                if newer.json_schema != schema.json_schema {
                    diagnostics.push(Diagnostic {
                        kind: DiagnosticKind::Disagreement,
                        source: schema.source.clone(),
                        resource: None,
                        action: None,
                        schema: Some(newer.anchor.clone()),
                        message: format!(
                            "the package's `{}` schema differs from Me's {}",
                            schema.title,
                            first_difference(&newer.json_schema, &schema.json_schema, "")
                        ),
                        kept: format!("Me's `{}` (release {})", newer.title, me.api_version),
                        reason: authority::SCHEMA_RELEASE.why.to_string(),
                    });
                }
            }
            None => {
                from_package.insert(schema.anchor.clone());
                only_package.push(schema);
            }
        }
    }
    let mut schemas = std::mem::take(&mut me.schemas);
    schemas.extend(only_package);

    // The package's diagnostics, but those of its `me` actions (replaced) and of the schemas
    // Me's release decides.
    diagnostics.extend(
        std::mem::take(&mut package.diagnostics)
            .into_iter()
            .filter(|d| {
                let of_me = d
                    .resource
                    .as_deref()
                    .is_some_and(|r| me_resources.contains(r));
                let of_replaced_schema =
                    d.schema.as_ref().is_some_and(|s| !from_package.contains(s));
                !of_me && !of_replaced_schema
            }),
    );

    // Resources in file-name order, Me's in the place of the package's.
    let mut resources: Vec<_> = std::mem::take(&mut package.resources)
        .into_iter()
        .filter(|r| !me_resources.contains(r.camel_name.as_str()))
        .chain(std::mem::take(&mut me.resources))
        .collect();
    resources.sort_by(|a, b| a.camel_name.cmp(&b.camel_name));
    // Each resource's actions, in their documents' order: Me's from Me's model, the others'
    // from the package's (every resource once: one per page, Me's left out of the package's).
    let mut by_resource: BTreeMap<(bool, String), Vec<Action>> = BTreeMap::new();
    for (from_me, action) in std::mem::take(&mut me.actions)
        .into_iter()
        .map(|a| (true, a))
        .chain(
            std::mem::take(&mut package.actions)
                .into_iter()
                .map(|a| (false, a)),
        )
    {
        by_resource
            .entry((from_me, action.resource.clone()))
            .or_default()
            .push(action);
    }
    let actions: Vec<Action> = resources
        .iter()
        .flat_map(|r| {
            let from_me = me_resources.contains(r.camel_name.as_str());
            by_resource
                .remove(&(from_me, r.camel_name.clone()))
                .unwrap_or_default()
        })
        .collect();
    ApiModel {
        api_version: newest(&me.api_version, &package.api_version).to_string(),
        base_url: me.base_url,
        // The request tables state them; Me's documents do not (its model carries the official
        // clients' defaults, which are the same).
        query_defaults: if package.query_defaults.is_empty() {
            me.query_defaults
        } else {
            package.query_defaults
        },
        resources,
        actions,
        schemas,
        diagnostics,
    }
}

/// The differences between Me's action and the package's older description of it.
fn cross_check(diagnostics: &mut Vec<Diagnostic>, newer: &Action, older: &Action, release: &str) {
    let mut note = |message: String, kept: String| {
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::Disagreement,
            source: older.sources[0].clone(),
            resource: Some(newer.resource.clone()),
            action: Some(newer.title.clone()),
            schema: None,
            message,
            kept,
            reason: authority::NEWER_RELEASE.why.to_string(),
        });
    };
    let older_release = &older.api_version;
    if (newer.method, &newer.path) != (older.method, &older.path) {
        note(
            format!(
                "release {older_release} sends `{}` as {} {}",
                older.camel_name,
                older.method.as_str(),
                older.path
            ),
            format!(
                "{} {} (release {release})",
                newer.method.as_str(),
                newer.path
            ),
        );
    }
    for param in &older.params {
        match newer.params.iter().find(|p| p.name == param.name) {
            None => note(
                format!("release {older_release} has the parameter `{}`", param.name),
                format!("no `{}` (release {release})", param.name),
            ),
            Some(now) => {
                let wire = |l: Location| match l {
                    // The two releases' wire sources name a schema query value differently.
                    Location::QueryJson => Location::Query,
                    other => other,
                };
                if wire(now.location) != wire(param.location)
                    || now.required != param.required
                    || now.ty != param.ty
                {
                    note(
                        format!(
                            "release {older_release} has `{}` as {:?} {} {:?}",
                            param.name,
                            param.location,
                            if param.required {
                                "required"
                            } else {
                                "optional"
                            },
                            param.ty
                        ),
                        format!(
                            "{:?} {} {:?} (release {release})",
                            now.location,
                            if now.required { "required" } else { "optional" },
                            now.ty
                        ),
                    );
                }
            }
        }
    }
    for param in &newer.params {
        if !older.params.iter().any(|p| p.name == param.name) {
            note(
                format!(
                    "release {older_release} lacks the parameter `{}`",
                    param.name
                ),
                format!("`{}` (release {release})", param.name),
            );
        }
    }
    let scopes = |a: &Action| {
        let mut list = a.scopes.clone();
        list.sort();
        list
    };
    if scopes(newer) != scopes(older) {
        note(
            format!(
                "release {older_release} lists the scopes `{}`",
                older.scopes.join(", ")
            ),
            format!("`{}` (release {release})", newer.scopes.join(", ")),
        );
    }
    let answers = |a: &Action| {
        a.successes
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r.status,
                    r.schema.as_deref().unwrap_or("undefined")
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if answers(newer) != answers(older) {
        note(
            format!("release {older_release} answers {}", answers(older)),
            format!("{} (release {release})", answers(newer)),
        );
    }
}

/// Where two JSON Schemas first differ, as a JSON pointer (`at /properties/name`).
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, pointer: &str) -> String {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                match y.get(key) {
                    Some(other) if other == value => {}
                    Some(other) => {
                        return first_difference(value, other, &format!("{pointer}/{key}"))
                    }
                    None => return format!("at `{pointer}/{key}` (only in Me's)"),
                }
            }
            match y.keys().find(|k| !x.contains_key(*k)) {
                Some(key) => format!("at `{pointer}/{key}` (only in the package's)"),
                None => format!("at `{}`", if pointer.is_empty() { "/" } else { pointer }),
            }
        }
        _ => format!("at `{}`", if pointer.is_empty() { "/" } else { pointer }),
    }
}

/// The later of two releases (`1.26.2` over `1.24.5`).
fn newest<'a>(a: &'a str, b: &'a str) -> &'a str {
    let parts = |v: &str| -> Vec<u64> { v.split('.').map(|n| n.parse().unwrap_or(0)).collect() };
    if parts(b) > parts(a) {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn releases_compare_by_number() {
        assert_eq!(newest("1.26.2", "1.24.5"), "1.26.2");
        assert_eq!(newest("1.9.0", "1.10.0"), "1.10.0");
    }

    #[test]
    fn the_first_difference_is_a_pointer() {
        let a = json!({"type": "object", "properties": {"a": {"type": "string"}}});
        let b = json!({"type": "object", "properties": {"a": {"type": "number"}}});
        assert_eq!(first_difference(&a, &b, ""), "at `/properties/a/type`");
        let c = json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {}}});
        assert_eq!(
            first_difference(&a, &c, ""),
            "at `/properties/b` (only in the package's)"
        );
    }
}
