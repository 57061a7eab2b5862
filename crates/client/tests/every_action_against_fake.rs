//! Every action of every resource, called through the generated client with its documented
//! example values (the conformance table, `conformance/calls.rs`), against the embedded fake
//! (`wegnology-fake`): each gets a success answer that decodes into its documented type.
//!
//! The documented path ids exist nowhere, so each action first gets the items its path needs,
//! derived from the model as the fake's store rules are: for each placeholder of the path
//! (`/applications/{applicationId}/devices/{deviceId}`), outermost first, the collection
//! resource at the path before it (`applications`, then `devices` under the new application)
//! creates one through its own `post` of the table (its documented example body), and the new
//! item's id (the path the store gained) is the value. Where a collection has no create
//! (`instances`, `auditLogs`, …) an item of the fake's seed stands in, with its parents; where
//! the path before a placeholder is no collection of the store (`file`, Me's invites) the value
//! is free: the documented example (Me's invites: one of the seeded ones, Me being written by
//! hand). A fresh fake serves each action.
//!
//! A failure lists every failing action, one line each (`resource.action: error`), and every
//! entry of [`ALLOWED`] that no longer fails.

mod conformance_calls {
    include!("conformance/calls.rs");
}

use std::collections::{BTreeMap, BTreeSet};

use conformance_calls::{Call, Ids};
use serde_json::Value;
use wegnology::{Client, RetryPolicy};
use wegnology_fake::{FakeConfig, FakeServer};
use wegnology_model::{Action, ApiModel, Location, Method, ParamExample, ParamType};

/// An action that cannot succeed against the fake for a reason outside the client.
struct Allowed {
    /// The action (`resource.camelAction`).
    id: &'static str,
    /// Why it cannot succeed.
    reason: &'static str,
    /// What its error says (a part of it): any other failure is still one.
    error: &'static str,
}

/// Why an action whose documented example of an enum query parameter is not one of the values
/// the same documents accept for it fails.
const EXAMPLE_NOT_ACCEPTED: &str = "the documents' example of this query parameter is not one \
     of the values they accept for it (`filterField=key` where only `name, status` are); the \
     client sends the example as documented (the enum's `Unknown`, what the JS client sent), \
     and the fake refuses it with 400 by the same documents";

/// The actions that cannot succeed against the fake, each with its reason.
const ALLOWED: &[Allowed] = &[
    Allowed {
        id: "applicationApiTokens.get",
        reason: EXAMPLE_NOT_ACCEPTED,
        error: "400: query parameter `filterField` must be one of: name, status",
    },
    Allowed {
        id: "experienceVersions.get",
        reason: EXAMPLE_NOT_ACCEPTED,
        error: "400: query parameter `filterField` must be one of: version",
    },
    Allowed {
        id: "files.get",
        reason: EXAMPLE_NOT_ACCEPTED,
        error: "400: query parameter `sortField` must be one of: lastUpdated, type, name, \
                creationDate",
    },
    Allowed {
        id: "instanceApiTokens.get",
        reason: EXAMPLE_NOT_ACCEPTED,
        error: "400: query parameter `filterField` must be one of: name, status",
    },
    Allowed {
        id: "instanceCustomNodes.get",
        reason: EXAMPLE_NOT_ACCEPTED,
        error: "400: query parameter `filterField` must be one of: name",
    },
    Allowed {
        id: "resourceJobs.get",
        reason: EXAMPLE_NOT_ACCEPTED,
        error: "400: query parameter `filterField` must be one of: name, resourceType",
    },
    Allowed {
        id: "userApiTokens.get",
        reason: EXAMPLE_NOT_ACCEPTED,
        error: "400: query parameter `filterField` must be one of: name, status",
    },
    Allowed {
        id: "me.enableTwoFactorAuth",
        reason: "it confirms a key the fake generated for the user (`me.generateTwoFactorAuth`, \
                 a step no path names) with a current TOTP code of that key: the documented \
                 key `HBBGWJJ…` and code `012345` are fixed, so they are neither",
        error: "400: no two-factor key was generated",
    },
    Allowed {
        id: "me.disableTwoFactorAuth",
        reason: "it needs two-factor authentication enabled (see `me.enableTwoFactorAuth`) and \
                 a current TOTP code of its key: the documented `123123` is fixed, so none",
        error: "400: two-factor auth is not enabled",
    },
];

/// A placeholder's name (`{deviceId}` → `deviceId`).
fn placeholder(segment: &str) -> Option<&str> {
    segment.strip_prefix('{')?.strip_suffix('}')
}

fn segments(path: &str) -> Vec<&str> {
    path.trim_start_matches('/').split('/').collect()
}

/// Where a placeholder's value comes from.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    /// Created by this action of the collection at the path before it (its id).
    Create(String),
    /// A collection of the store without a create: an item of the seed.
    Seeded,
    /// Not below a collection of the store: any value does, the documented example.
    Free,
}

impl Source {
    fn kind(&self) -> &'static str {
        match self {
            Source::Create(_) => "created",
            Source::Seeded => "seeded",
            Source::Free => "free",
        }
    }
}

/// Where each placeholder of `action`'s path gets its value, by the store rules of the model:
/// a collection and its item pair up by path (the item's is the collection's plus one
/// placeholder, and the item has a `GET` there); a collection's `POST` at its path creates.
fn sources(model: &ApiModel, action: &Action) -> Vec<(String, Source)> {
    let parts = segments(&action.path);
    let mut out = Vec::new();
    for (index, segment) in parts.iter().enumerate() {
        let Some(name) = placeholder(segment) else {
            continue;
        };
        let collection_path = format!("/{}", parts[..index].join("/"));
        let item_path = format!("/{}", parts[..=index].join("/"));
        let collection = model.resources.iter().find(|r| r.path == collection_path);
        let item = model.resources.iter().find(|r| r.path == item_path);
        let paired = match (collection, item) {
            (Some(_), Some(item)) => model.actions.iter().any(|a| {
                a.resource == item.camel_name && a.method == Method::Get && a.path == item.path
            }),
            _ => false,
        };
        let source = match collection.filter(|_| paired) {
            None => Source::Free,
            Some(collection) => model
                .actions
                .iter()
                .find(|a| {
                    a.resource == collection.camel_name
                        && a.method == Method::Post
                        && a.path == collection.path
                })
                .map_or(Source::Seeded, |create| Source::Create(create.id())),
        };
        out.push((name.to_string(), source));
    }
    out
}

/// Whether the concrete `path` lies at or below the `template` (placeholders match any segment).
fn matches(template: &[&str], path: &str) -> bool {
    let parts = segments(path);
    parts.len() >= template.len()
        && template
            .iter()
            .zip(&parts)
            .all(|(t, p)| placeholder(t).is_some() || t == p)
}

/// What one action needs before its call.
struct Setup<'a> {
    fake: &'a FakeServer,
    client: &'a Client,
    calls: &'a BTreeMap<String, Call>,
    /// How many path ids were had how (`created`, `seeded`, `free`).
    had: &'a mut BTreeMap<&'static str, usize>,
}

impl Setup<'_> {
    /// The values of `action`'s path parameters: created, seeded or documented.
    async fn ids(&mut self, model: &ApiModel, action: &Action) -> Result<Ids, String> {
        let id = action.id();
        let examples = conformance_calls::example_ids(&id);
        let sources = sources(model, action);
        let template = segments(&action.path);
        let placeholders: Vec<usize> = template
            .iter()
            .enumerate()
            .filter(|(_, s)| placeholder(s).is_some())
            .map(|(i, _)| i)
            .collect();
        let mut ids = Ids::new();
        // Up to the innermost collection without a create, an item of the seed with its parents.
        if let Some(last) = sources.iter().rposition(|(_, s)| *s == Source::Seeded) {
            let upto = &template[..=placeholders[last]];
            let stored = self.fake.stored_paths();
            let path = stored
                .iter()
                .find(|path| matches(upto, path))
                .ok_or_else(|| format!("setup: the fake holds no item at `{}`", upto.join("/")))?;
            for (t, p) in upto.iter().zip(segments(path)) {
                if let Some(name) = placeholder(t) {
                    ids.insert(name.to_string(), p.to_string());
                    *self.had.entry("seeded").or_default() += 1;
                }
            }
        }
        for (n, (name, source)) in sources.iter().enumerate() {
            if ids.contains_key(name) {
                continue;
            }
            *self.had.entry(source.kind()).or_default() += 1;
            let value = match source {
                Source::Seeded => unreachable!("taken from the seed above"),
                Source::Free if name == "inviteId" && action.resource == "me" => self
                    .fake
                    .invite_ids()
                    .into_iter()
                    .next()
                    .ok_or("setup: the fake seeds no invite")?,
                Source::Free => examples
                    .get(name)
                    .cloned()
                    .ok_or_else(|| format!("setup: no example of `{name}`"))?,
                Source::Create(create) => {
                    let prefix: Vec<String> = template[..placeholders[n]]
                        .iter()
                        .map(|s| match placeholder(s) {
                            Some(name) => ids[name].clone(),
                            None => (*s).to_string(),
                        })
                        .collect();
                    let collection = format!("/{}/", prefix.join("/"));
                    self.create(create, &ids, &collection).await?
                }
            };
            ids.insert(name.clone(), value);
        }
        Ok(ids)
    }

    /// Creates an item by the collection's `create` call with `ids`; its id (the one path the
    /// store gained right below `collection`).
    async fn create(&self, create: &str, ids: &Ids, collection: &str) -> Result<String, String> {
        let call = self
            .calls
            .get(create)
            .ok_or_else(|| format!("setup: no call {create}"))?;
        let before: BTreeSet<String> = self.fake.stored_paths().into_iter().collect();
        call(self.client, ids)
            .await
            .map_err(|error| format!("setup: {create}: {error}"))?;
        let new: Vec<String> = self
            .fake
            .stored_paths()
            .into_iter()
            .filter(|path| !before.contains(path))
            .filter_map(|path| {
                let rest = path.strip_prefix(collection)?;
                (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_string())
            })
            .collect();
        match new.as_slice() {
            [id] => Ok(id.clone()),
            other => Err(format!(
                "setup: {create} stored {} items below `{collection}`, not one",
                other.len()
            )),
        }
    }
}

/// The documented example of `action`'s JSON body.
fn body_example<'m>(model: &'m ApiModel, action: &'m Action) -> Option<&'m Value> {
    match &action.body()?.example {
        Some(ParamExample::SchemaExample(anchor)) => model.schema(anchor)?.example.as_ref(),
        _ => action.body_example.as_ref(),
    }
}

/// The fake for `action`: its user has the credentials the documented body names (the
/// `password` and `email` of `me.delete`'s, `me.changePassword`'s), the defaults otherwise.
fn config(model: &ApiModel, action: &Action) -> FakeConfig {
    let mut config = FakeConfig::default();
    let body = body_example(model, action);
    let text = |name: &str| body?.get(name)?.as_str().map(str::to_string);
    if let Some(password) = text("password") {
        config.password = password;
    }
    if let Some(email) = text("email") {
        config.email = email;
    }
    config
}

/// Calls `action` on a fresh fake after its setup; the problem, if any.
async fn run(
    model: &ApiModel,
    calls: &BTreeMap<String, Call>,
    action: &Action,
    had: &mut BTreeMap<&'static str, usize>,
) -> Option<String> {
    let fake = FakeServer::start_with(config(model, action))
        .await
        .expect("the fake starts");
    let client = Client::builder()
        .base_url(fake.url())
        .token(fake.token())
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("a client of the fake");
    let mut setup = Setup {
        fake: &fake,
        client: &client,
        calls,
        had,
    };
    let id = action.id();
    let outcome = match setup.ids(model, action).await {
        Err(problem) => Err(format!("{id}: {problem}")),
        // The error names the action itself.
        Ok(ids) => calls[&id](&client, &ids)
            .await
            .map_err(|error| error.to_string()),
    };
    fake.shutdown().await;
    outcome.err()
}

#[tokio::test]
async fn every_action_with_its_documented_examples_decodes_a_success_from_the_fake() {
    let model = wegnology_fake::model().expect("the fake's model");
    let calls: BTreeMap<String, Call> = conformance_calls::calls()
        .into_iter()
        .map(|(id, call)| (id.to_string(), call))
        .collect();
    assert_eq!(calls.len(), model.actions.len(), "a call per action");
    let allowed: BTreeMap<&str, &Allowed> = ALLOWED.iter().map(|a| (a.id, a)).collect();
    assert_eq!(allowed.len(), ALLOWED.len(), "an action allowed twice");
    for id in allowed.keys() {
        assert!(calls.contains_key(*id), "{id} is allowed but no action");
    }

    // How the actions' path ids were had: created first, seeded, free.
    let mut had = BTreeMap::new();
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut failed_as_allowed = Vec::new();
    for action in &model.actions {
        let id = action.id();
        // Path parameters are all text today: each comes from the ids.
        assert!(action
            .params_in(Location::Path)
            .all(|p| p.ty == ParamType::String));
        match (
            run(model, &calls, action, &mut had).await,
            allowed.get(id.as_str()),
        ) {
            (None, None) => passed += 1,
            (None, Some(allowed)) => failures.push(format!(
                "{id}: succeeds but is allowed to fail ({}): remove it from ALLOWED",
                allowed.reason
            )),
            (Some(problem), None) => failures.push(problem),
            (Some(problem), Some(allowed)) if !problem.contains(allowed.error) => {
                failures.push(format!(
                    "{problem} (allowed to fail only with `{}`: {})",
                    allowed.error, allowed.reason
                ))
            }
            (Some(_), Some(_)) => failed_as_allowed.push(id),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} actions failed:\n{}",
        failures.len(),
        model.actions.len(),
        failures.join("\n")
    );
    println!(
        "{passed} of {} actions decode a success from the fake; {} allowed to fail: {}; path \
         ids {had:?}",
        model.actions.len(),
        failed_as_allowed.len(),
        failed_as_allowed.join(", ")
    );
}

/// The sources of the placeholders of the action `id`'s path.
fn sources_of(model: &ApiModel, id: &str) -> Vec<(String, Source)> {
    let action = model.actions.iter().find(|a| a.id() == id).expect(id);
    sources(model, action)
}

fn create(id: &str) -> Source {
    Source::Create(id.to_string())
}

#[test]
fn the_setup_of_a_path_follows_the_store_rules_of_the_model() {
    let model = wegnology_fake::model().expect("the fake's model");
    let named = |pairs: &[(&str, Source)]| -> Vec<(String, Source)> {
        pairs
            .iter()
            .map(|(name, source)| (name.to_string(), source.clone()))
            .collect()
    };
    assert_eq!(
        sources_of(model, "device.getState"),
        named(&[
            ("applicationId", create("applications.post")),
            ("deviceId", create("devices.post")),
        ])
    );
    assert_eq!(
        sources_of(model, "dataTableRow.patch"),
        named(&[
            ("applicationId", create("applications.post")),
            ("dataTableId", create("dataTables.post")),
            ("rowId", create("dataTableRows.post")),
        ])
    );
    // Instances have no create: a seeded one, and its members are created in it.
    assert_eq!(
        sources_of(model, "instanceMember.get"),
        named(&[
            ("instanceId", Source::Seeded),
            ("userId", create("instanceMembers.post")),
        ])
    );
    assert_eq!(
        sources_of(model, "auditLog.get"),
        named(&[
            ("orgId", create("orgs.post")),
            ("auditLogId", Source::Seeded),
        ])
    );
    // A file's path is not its collection's (`files`, `file`): no item of the store.
    assert_eq!(
        sources_of(model, "file.get"),
        named(&[
            ("applicationId", create("applications.post")),
            ("fileId", Source::Free),
        ])
    );
    assert_eq!(
        sources_of(model, "me.respondToInvite"),
        named(&[("inviteId", Source::Free)])
    );
    assert_eq!(sources_of(model, "applications.post"), named(&[]));
}
