//! Today's documents (`spec/published`): their facts (actions, parameters, line numbers, disagreements,
//! counts) are checked only here, as snapshots of the model and of the diagnostics. When
//! upstream republishes, these are the tests that fail, and `cargo insta review` shows what
//! changed.

use std::path::PathBuf;

use wegnology_model::ApiModel;

fn model() -> ApiModel {
    let spec = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/published");
    wegnology_parser::load(&spec).expect("spec/ parses")
}

/// One line per diagnostic, as `cargo xtask regen` prints them.
fn diagnostic_lines(model: &ApiModel) -> String {
    model
        .diagnostics
        .iter()
        .map(|d| format!("{}\n", d.line()))
        .collect()
}

/// One snapshot per resource (its description, actions and diagnostics), so that a
/// republish of one page shows as that resource's diff. `cargo insta test --review` shows
/// every resource that changed, not only the first.
#[test]
fn resource_snapshots() {
    let model = model();
    for resource in &model.resources {
        let actions: Vec<_> = model.actions_of(&resource.camel_name).collect();
        let diagnostics: Vec<_> = model
            .diagnostics
            .iter()
            .filter(|d| d.resource.as_deref() == Some(resource.camel_name.as_str()))
            .collect();
        let text = serde_json::to_string_pretty(&serde_json::json!({
            "resource": resource,
            "actions": actions,
            "diagnostics": diagnostics,
        }))
        .unwrap();
        insta::assert_snapshot!(format!("resource_{}", resource.camel_name), text);
    }
}

/// The whole API at a glance: the model's facts beside its resources and schemas, one line
/// each (the schemas' JSON is in `spec/generated/model.json`, whose diff shows its changes).
#[test]
fn api_snapshot() {
    let model = model();
    let mut text = format!(
        "API release {}, base URL {}, query defaults {}\n{} resources, {} actions, {} schemas, {} diagnostics\n\n",
        model.api_version,
        model.base_url,
        model
            .query_defaults
            .iter()
            .map(|d| format!("{}={}", d.name, d.value))
            .collect::<Vec<_>>()
            .join("&"),
        model.resources.len(),
        model.actions.len(),
        model.schemas.len(),
        model.diagnostics.len()
    );
    for resource in &model.resources {
        text.push_str(&format!(
            "resource {} ({}) {} release {}: {} actions\n",
            resource.camel_name,
            resource.name,
            resource.path,
            resource.api_version,
            model.actions_of(&resource.camel_name).count()
        ));
    }
    for schema in &model.schemas {
        let properties = schema
            .json_schema
            .get("properties")
            .and_then(serde_json::Value::as_object)
            .map_or(0, |p| p.len());
        text.push_str(&format!(
            "schema {} `{}` {}:{}: {properties} properties{}\n",
            schema.anchor,
            schema.title,
            schema.source.file,
            schema.source.line,
            if schema.example.is_some() {
                ", an example"
            } else {
                ""
            }
        ));
    }
    insta::assert_snapshot!("api", text);
}

#[test]
fn diagnostics_snapshot() {
    insta::assert_snapshot!("diagnostics", diagnostic_lines(&model()));
}
