//! The data a server starts with, from the documents' examples and the seed: every collection
//! of the store gets items from its item schema's example, so every action has something to
//! act on from the start. Applications, dashboards and organizations are Me's (the same ids
//! and names Me's actions show); each application has two devices; every other collection one
//! item under each of its parents. Ids derive from the seed, so a run is repeatable.

use serde_json::{Map, Value};

use crate::crud::{Context, Pair};
use crate::me::state::Resource;
use crate::routes::placeholder;
use crate::world::World;

/// The concrete paths of `template`'s collection, one per stored parent item (`[]` when a
/// parent collection is empty).
fn concrete_paths(world: &World, template: &str) -> Vec<String> {
    let mut prefixes = vec![String::new()];
    for segment in template.trim_start_matches('/').split('/') {
        if placeholder(segment).is_some() {
            prefixes = prefixes
                .iter()
                .flat_map(|prefix| {
                    world
                        .store
                        .children(prefix)
                        .into_iter()
                        .map(|(path, _)| path.to_string())
                        .collect::<Vec<_>>()
                })
                .collect();
        } else {
            for prefix in &mut prefixes {
                prefix.push('/');
                prefix.push_str(segment);
            }
        }
    }
    prefixes
}

/// The items of one pair at one collection path: ids and names.
fn planned(world: &World, pair: &Pair, parent: usize) -> Vec<(String, Option<String>)> {
    let mine = |resources: &[Resource]| -> Vec<(String, Option<String>)> {
        resources
            .iter()
            .map(|resource| (resource.id.clone(), Some(resource.name.clone())))
            .collect()
    };
    let depth = pair.collection_path.matches('/').count();
    match (pair.collection.as_str(), depth) {
        ("applications", 1) => mine(&world.me.applications),
        ("dashboards", 1) => mine(&world.me.dashboards),
        ("orgs", 1) => mine(&world.me.organizations),
        (collection, _) => {
            let count = if collection == "devices" { 2 } else { 1 };
            (0..count)
                .map(|n| {
                    let index = (parent * 16 + n) as i64;
                    (
                        world
                            .seeded
                            .object_id(&format!("seed/{}", pair.item), index),
                        None,
                    )
                })
                .collect()
        }
    }
}

/// Fills the store of `world`, parents before children.
pub(crate) fn seed(context: &Context<'_>, world: &mut World) {
    let mut pairs: Vec<&Pair> = context.rules.pairs.iter().collect();
    pairs.sort_by_key(|pair| pair.item_path.matches('/').count());
    for pair in pairs {
        let Value::Object(example) = context.examples.of(&pair.item_schema) else {
            continue;
        };
        for (parent, collection) in concrete_paths(world, &pair.collection_path)
            .into_iter()
            .enumerate()
        {
            let params =
                crate::routes::path_params(&pair.collection_path, &collection).unwrap_or_default();
            for (n, (id, name)) in planned(world, pair, parent).into_iter().enumerate() {
                let mut fields: Map<String, Value> = example.clone();
                let example_name = fields
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                match (name, example_name) {
                    (Some(name), _) => {
                        fields.insert("name".into(), Value::from(name));
                    }
                    (None, Some(example_name)) if n > 0 => {
                        fields.insert(
                            "name".into(),
                            Value::from(format!("{example_name} {}", n + 1)),
                        );
                    }
                    _ => {}
                }
                let item = context.new_item(pair, fields, &id, &params);
                world.store.put(format!("{collection}/{id}"), item);
            }
        }
    }
}
