//! The rules every resource but Me follows, inferred from the model once and written once,
//! never per resource.
//!
//! **Pairs.** A collection resource and an item resource pair up by path: the item's path is
//! the collection's plus one placeholder (`devices` at `/applications/{applicationId}/devices`,
//! `device` at `/applications/{applicationId}/devices/{deviceId}`), and the item has a `GET`
//! at its path whose answer schema is the *item schema*. Its *id properties* are those of the
//! item schema named like the placeholder (`deviceId`), like the item resource plus `Id`, or
//! `id`.
//!
//! **Actions.** On a pair:
//! - `POST` at the collection's path creates: the body (already valid against its schema) is
//!   completed into the item schema (a new id under the id properties, `creationDate` /
//!   `lastUpdated` (or `createdAt` / `updatedAt`) now, the schema's `default`s, the path's
//!   parent ids where the schema has them, required properties still missing from the item
//!   schema's example) and stored under the collection's path; the answer is the item shaped
//!   to the action's answer schema, with its documented status.
//! - `GET` at the collection's path lists the items stored under it (when its answer schema
//!   has an `items` list): `filterField` + `filter` (`*` matches any run of characters, case
//!   ignored), sorted by `sortField` (or `sortColumn`) and `sortDirection`, a page of
//!   `perPage` items from `page` (or `limit` from `offset`), with `count`, `totalCount` and the
//!   other fields the schema declares (the paging and sorting in force, the parent ids).
//! - `GET`, `PATCH` (or `PUT`) and `DELETE` at the item's path read, merge the body into, and
//!   remove the stored item (and everything stored below its path); a missing item is `404`.
//! - Every action whose path lies below a pair's item path (a device's `state`, an
//!   application's devices) needs that item to exist: an unknown parent id is `404`.
//! - Any other action answers its documented success: the answer schema's example (or a
//!   minimal instance of the schema), or no body where none is documented. Usage counts
//!   (`Device Counts`, `Notebook Minute Counts`, which have no example) are counted over
//!   `start`/`end` from the seed, as Me's are.
//!
//! An item never leaves the store invalid against the item schema: a field that would make it
//! so is left out (the item schema's example fills what must be there).

use axum::http::StatusCode;
use serde_json::{Map, Value};
use wegnology_model::{Action, ApiModel, Location, Method, ParamType};

use crate::call::{now, Answer, ApiError, Call};
use crate::examples::Examples;
use crate::schemas::Schemas;
use crate::seeded::Seeded;
use crate::store::Store;
use crate::usage::{self, date, TimeRange};

/// A collection resource and its item resource.
#[derive(Debug, Clone)]
pub(crate) struct Pair {
    /// The collection resource's camel name (`devices`).
    pub collection: String,
    /// The item resource's camel name (`device`).
    pub item: String,
    /// `/applications/{applicationId}/devices`
    pub collection_path: String,
    /// `/applications/{applicationId}/devices/{deviceId}`
    pub item_path: String,
    /// The anchor of the item schema: the answer of the item's `GET`.
    pub item_schema: String,
    /// Item schema properties that hold the item's id.
    pub id_properties: Vec<String>,
    /// The collection's `GET` at its path, if there is one (index into `model.actions`).
    pub list: Option<usize>,
}

/// What an action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// One of Me's hand-written behaviours.
    Me,
    Create(usize),
    List(usize),
    Read(usize),
    Update(usize),
    Delete(usize),
    /// The documented success.
    Documented,
}

/// The rules of a model: the pairs, and for each action its rule and the pairs whose items its
/// path lies below (or at, for an item's own actions).
#[derive(Debug, Default)]
pub(crate) struct Rules {
    pub pairs: Vec<Pair>,
    pub by_action: Vec<Rule>,
    /// Per action: the pairs whose item path is a prefix of the action's path, outermost first.
    parents: Vec<Vec<usize>>,
}

fn segments(path: &str) -> Vec<&str> {
    path.trim_start_matches('/').split('/').collect()
}

/// Every property the schema declares at its top level or in a top-level branch.
pub(crate) fn declared(schema: &Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |schema: &Value| {
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for name in properties.keys() {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
    };
    add(schema);
    for keyword in ["oneOf", "anyOf", "allOf"] {
        for branch in schema
            .get(keyword)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            add(branch);
        }
    }
    names
}

/// The schema of a top-level property, in the schema or its first branch declaring it.
fn property<'a>(schema: &'a Value, name: &str) -> Option<&'a Value> {
    schema
        .pointer(&format!(
            "/properties/{}",
            name.replace('~', "~0").replace('/', "~1")
        ))
        .or_else(|| {
            ["oneOf", "anyOf", "allOf"].iter().find_map(|keyword| {
                schema
                    .get(*keyword)?
                    .as_array()?
                    .iter()
                    .find_map(|branch| branch.get("properties")?.get(name))
            })
        })
}

fn success_schema(action: &Action) -> Option<&str> {
    action.successes.first()?.schema.as_deref()
}

impl Rules {
    /// The rules of `model`.
    pub(crate) fn new(model: &ApiModel) -> Rules {
        let find = |resource: &str, method: Method, path: &str| {
            model
                .actions
                .iter()
                .position(|a| a.resource == resource && a.method == method && a.path == path)
        };
        let mut pairs = Vec::new();
        for collection in &model.resources {
            for item in &model.resources {
                let Some(rest) = item.path.strip_prefix(collection.path.as_str()) else {
                    continue;
                };
                let Some(placeholder) = rest
                    .strip_prefix('/')
                    .and_then(crate::routes::placeholder)
                    .filter(|name| !name.contains('/'))
                else {
                    continue;
                };
                let Some(item_schema) = find(&item.camel_name, Method::Get, &item.path)
                    .and_then(|index| success_schema(&model.actions[index]))
                    .filter(|anchor| model.schema(anchor).is_some())
                else {
                    continue;
                };
                let declared = declared(&model.schema(item_schema).expect("known").json_schema);
                let id_properties = [
                    placeholder.to_string(),
                    format!("{}Id", item.camel_name),
                    "id".to_string(),
                ]
                .into_iter()
                .filter(|name| declared.contains(name))
                .fold(Vec::new(), |mut names, name| {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                    names
                });
                pairs.push(Pair {
                    collection: collection.camel_name.clone(),
                    item: item.camel_name.clone(),
                    collection_path: collection.path.clone(),
                    item_path: item.path.clone(),
                    item_schema: item_schema.to_string(),
                    id_properties,
                    list: find(&collection.camel_name, Method::Get, &collection.path),
                });
            }
        }
        let lists = |anchor: Option<&str>| {
            anchor
                .and_then(|anchor| model.schema(anchor))
                .and_then(|schema| property(&schema.json_schema, "items"))
                .is_some_and(|items| items.get("type").and_then(Value::as_str) == Some("array"))
        };
        let mut by_action = Vec::new();
        let mut parents = Vec::new();
        for action in &model.actions {
            let rule = if action.resource == "me" {
                Rule::Me
            } else {
                pairs
                    .iter()
                    .enumerate()
                    .find_map(|(index, pair)| {
                        let at_collection = action.resource == pair.collection
                            && action.path == pair.collection_path;
                        let at_item = action.resource == pair.item && action.path == pair.item_path;
                        match action.method {
                            Method::Post if at_collection => Some(Rule::Create(index)),
                            Method::Get if at_collection && lists(success_schema(action)) => {
                                Some(Rule::List(index))
                            }
                            Method::Get if at_item => Some(Rule::Read(index)),
                            Method::Patch | Method::Put if at_item => Some(Rule::Update(index)),
                            Method::Delete if at_item => Some(Rule::Delete(index)),
                            _ => None,
                        }
                    })
                    .unwrap_or(Rule::Documented)
            };
            by_action.push(rule);
            let path = segments(&action.path);
            let mut above: Vec<(usize, usize)> = pairs
                .iter()
                .enumerate()
                .filter_map(|(index, pair)| {
                    let item = segments(&pair.item_path);
                    (item.len() <= path.len() && path[..item.len()] == item[..])
                        .then_some((item.len(), index))
                })
                .collect();
            above.sort();
            parents.push(above.into_iter().map(|(_, index)| index).collect());
        }
        Rules {
            pairs,
            by_action,
            parents,
        }
    }

    /// The pairs an action's path lies below (or at), outermost first.
    pub(crate) fn parents(&self, index: usize) -> &[usize] {
        self.parents
            .get(index)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// The concrete path of the first `count` segments of a request path (`/a/1/b/2`).
fn prefix(path: &str, count: usize) -> String {
    let mut out = String::new();
    for segment in segments(path).into_iter().take(count) {
        out.push('/');
        out.push_str(segment);
    }
    out
}

/// What the crud behaviours need of the server: the model's rules, schemas, examples.
pub(crate) struct Context<'a> {
    pub model: &'a ApiModel,
    pub rules: &'a Rules,
    pub schemas: &'a Schemas,
    pub examples: &'a Examples,
}

impl Context<'_> {
    fn schema(&self, anchor: &str) -> &Value {
        self.model
            .schema(anchor)
            .map(|schema| &schema.json_schema)
            .unwrap_or(&Value::Null)
    }

    fn valid(&self, anchor: &str, value: &Value) -> bool {
        self.schemas.check(anchor, value).is_ok()
    }

    /// `value` as an instance of the schema `anchor`: itself when valid; else with the
    /// schema's required properties it lacks taken from the schema's example; else the
    /// example with each of `value`'s fields that keeps it valid.
    pub(crate) fn shape(&self, anchor: &str, value: Value) -> Value {
        if self.valid(anchor, &value) {
            return value;
        }
        let example = self.examples.of(anchor);
        let Value::Object(fields) = value else {
            return example;
        };
        let mut completed = fields.clone();
        for name in self
            .schema(anchor)
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !completed.contains_key(name) {
                if let Some(value) = example.get(name) {
                    completed.insert(name.to_string(), value.clone());
                }
            }
        }
        let completed = Value::Object(completed);
        if self.valid(anchor, &completed) {
            return completed;
        }
        let mut shaped = example;
        for (name, value) in fields {
            let Value::Object(members) = &mut shaped else {
                break;
            };
            let previous = members.insert(name.clone(), value);
            if !self.valid(anchor, &shaped) {
                if let Value::Object(members) = &mut shaped {
                    match previous {
                        Some(previous) => members.insert(name, previous),
                        None => members.remove(&name),
                    };
                }
            }
        }
        shaped
    }

    /// The documented success answer of `action`.
    pub(crate) fn documented(&self, action: &Action) -> Answer {
        let success = action.success();
        Answer {
            status: success.status,
            body: success
                .schema
                .as_deref()
                .map(|anchor| self.examples.of(anchor)),
        }
    }

    /// A new item of `pair` from `fields`, at the collection path `collection` of a request
    /// `path` (for its parent ids): completed into the item schema.
    pub(crate) fn new_item(
        &self,
        pair: &Pair,
        fields: Map<String, Value>,
        id: &str,
        path_params: &[(String, String)],
    ) -> Value {
        let schema = self.schema(&pair.item_schema);
        let declared = declared(schema);
        let mut item = fields;
        for name in &pair.id_properties {
            item.insert(name.clone(), Value::from(id));
        }
        for (name, value) in path_params {
            if declared.contains(name) && !pair.id_properties.contains(name) {
                item.insert(name.clone(), Value::from(value.clone()));
            }
        }
        let today = date(now().timestamp_millis());
        for name in ["creationDate", "lastUpdated", "createdAt", "updatedAt"] {
            if declared.iter().any(|known| known == name) {
                item.insert(name.to_string(), Value::from(today.clone()));
            }
        }
        for name in &declared {
            if let Some(default) = property(schema, name).and_then(|p| p.get("default")) {
                item.entry(name.clone()).or_insert_with(|| default.clone());
            }
        }
        let mut shaped = self.shape(&pair.item_schema, Value::Object(item));
        // The id and parents are the item's, whatever the example said.
        if let Value::Object(members) = &mut shaped {
            for name in &pair.id_properties {
                members.insert(name.clone(), Value::from(id));
            }
        }
        shaped
    }

    /// Whether every pair item the request path lies below (or is) exists; 404 naming the
    /// first that does not.
    fn parents_exist(&self, store: &Store, index: usize, path: &str) -> Result<(), ApiError> {
        for pair in self.rules.parents(index) {
            let pair = &self.rules.pairs[*pair];
            let depth = segments(&pair.item_path).len();
            if !store.contains(&prefix(path, depth)) {
                return Err(ApiError::not_found(format!(
                    "{} {} was not found",
                    pair.item,
                    segments(path).get(depth - 1).copied().unwrap_or_default()
                )));
            }
        }
        Ok(())
    }
}

/// Runs the rule of the action at `index` for a request to `path`.
pub(crate) fn run(
    context: &Context<'_>,
    store: &mut Store,
    seeded: Seeded,
    index: usize,
    path: &str,
    call: &Call,
) -> Result<Answer, ApiError> {
    let action = &context.model.actions[index];
    let rule = context
        .rules
        .by_action
        .get(index)
        .copied()
        .unwrap_or(Rule::Documented);
    context.parents_exist(store, index, path)?;
    match rule {
        Rule::Me | Rule::Documented => documented_or_counted(context, seeded, action, call),
        Rule::Create(pair) => create(
            context,
            store,
            seeded,
            action,
            &context.rules.pairs[pair],
            path,
            call,
        ),
        Rule::List(pair) => Ok(list(
            context,
            store,
            action,
            &context.rules.pairs[pair],
            path,
            call,
        )),
        Rule::Read(pair) => {
            let item = store
                .get(path)
                .cloned()
                .ok_or_else(|| not_found(&context.rules.pairs[pair], path))?;
            Ok(answer_item(context, action, item))
        }
        Rule::Update(pair) => {
            let pair = &context.rules.pairs[pair];
            let Some(Value::Object(mut item)) = store.get(path).cloned() else {
                return Err(not_found(pair, path));
            };
            let changes = match &call.body {
                Some(Value::Object(changes)) => changes.clone(),
                _ => Map::new(),
            };
            let today = Value::from(date(now().timestamp_millis()));
            let declared = declared(context.schema(&pair.item_schema));
            for (name, value) in changes {
                if !pair.id_properties.contains(&name) {
                    item.insert(name, value);
                }
            }
            for name in ["lastUpdated", "updatedAt"] {
                if declared.iter().any(|known| known == name) {
                    item.insert(name.to_string(), today.clone());
                }
            }
            let before = store.get(path).cloned().unwrap_or(Value::Null);
            let merged = Value::Object(item);
            let updated = if context.valid(&pair.item_schema, &merged) {
                merged
            } else {
                // Keep what was stored, with each change that keeps it valid.
                let mut kept = before;
                if let (Value::Object(members), Value::Object(changes)) = (&mut kept, &merged) {
                    for (name, value) in changes {
                        let previous = members.insert(name.clone(), value.clone());
                        if !context.valid(&pair.item_schema, &Value::Object(members.clone())) {
                            match previous {
                                Some(previous) => members.insert(name.clone(), previous),
                                None => members.remove(name),
                            };
                        }
                    }
                }
                kept
            };
            store.put(path.to_string(), updated.clone());
            Ok(answer_item(context, action, updated))
        }
        Rule::Delete(pair) => {
            if !store.remove_tree(path) {
                return Err(not_found(&context.rules.pairs[pair], path));
            }
            Ok(context.documented(action))
        }
    }
}

/// The documented success; usage counts (the schemas Me's counts share, which the documents
/// give no example of) counted over the request's `start`/`end` from the seed, as Me's are.
fn documented_or_counted(
    context: &Context<'_>,
    seeded: Seeded,
    action: &Action,
    call: &Call,
) -> Result<Answer, ApiError> {
    let success = action.success();
    let counts: Option<fn(Seeded, TimeRange) -> Value> = match success.schema.as_deref() {
        Some("device-counts") => Some(usage::device_counts),
        Some("notebook-minute-counts") => Some(usage::notebook_minute_counts),
        _ => None,
    };
    match counts {
        Some(counts) => {
            let range = TimeRange::resolve(call.integer("start"), call.integer("end"), now())?;
            Ok(Answer {
                status: success.status,
                body: Some(counts(seeded, range)),
            })
        }
        None => Ok(context.documented(action)),
    }
}

fn not_found(pair: &Pair, path: &str) -> ApiError {
    ApiError::not_found(format!(
        "{} {} was not found",
        pair.item,
        path.rsplit('/').next().unwrap_or_default()
    ))
}

/// A stored item as the action's documented answer.
fn answer_item(context: &Context<'_>, action: &Action, item: Value) -> Answer {
    let success = action.success();
    Answer {
        status: success.status,
        body: success
            .schema
            .as_deref()
            .map(|anchor| context.shape(anchor, item)),
    }
}

fn create(
    context: &Context<'_>,
    store: &mut Store,
    seeded: Seeded,
    action: &Action,
    pair: &Pair,
    path: &str,
    call: &Call,
) -> Result<Answer, ApiError> {
    let fields = match &call.body {
        Some(Value::Object(fields)) => fields.clone(),
        // A list of items (a bulk insert) or no body: the documented answer, nothing stored.
        _ => return Ok(context.documented(action)),
    };
    if store.is_full() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "LimitExceeded",
            format!(
                "the fake holds at most {} items; delete some first",
                store.capacity()
            ),
        ));
    }
    let id = seeded.object_id(&format!("item/{}", pair.item), store.created() as i64);
    let path_params: Vec<(String, String)> =
        crate::routes::path_params(&action.path, path).unwrap_or_default();
    let item = context.new_item(pair, fields, &id, &path_params);
    let item_path = format!("{path}/{id}");
    store.put(item_path, item.clone());
    let success = action.success();
    let lister = pair.list.map(|index| &context.model.actions[index]);
    let body = match success.schema.as_deref() {
        None => None,
        // Answered with the collection (an invitation list answers a new invitation).
        Some(anchor) if lister.and_then(success_schema) == Some(anchor) => {
            lister.and_then(|lister| list(context, store, lister, pair, path, &Call::empty()).body)
        }
        Some(anchor) => Some(context.shape(anchor, item)),
    };
    Ok(Answer {
        status: success.status,
        body,
    })
}

/// `*` matches any run of characters; case is ignored.
pub(crate) fn glob(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let (mut p, mut t) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && pattern[p] != '*' && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Some(Value::Number(a)), Some(Value::Number(b))) => a
            .as_f64()
            .partial_cmp(&b.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(a), Some(b)) => text_of(a).to_lowercase().cmp(&text_of(b).to_lowercase()),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn has_param(action: &Action, name: &str) -> bool {
    action
        .params
        .iter()
        .any(|p| p.name == name && matches!(p.location, Location::Query))
}

/// The integer query parameter, or its documented default, or `fallback`.
fn integer(action: &Action, call: &Call, name: &str, fallback: i64) -> i64 {
    call.integer(name).unwrap_or_else(|| {
        action
            .params
            .iter()
            .find(|p| p.name == name && p.ty == ParamType::Integer)
            .and_then(|p| p.default.as_deref()?.parse().ok())
            .unwrap_or(fallback)
    })
}

/// The collection at `path` (a collection path) as the list action's answer.
fn list(
    context: &Context<'_>,
    store: &Store,
    action: &Action,
    pair: &Pair,
    path: &str,
    call: &Call,
) -> Answer {
    let success = action.success();
    let Some(anchor) = success.schema.as_deref() else {
        return Answer {
            status: success.status,
            body: None,
        };
    };
    let schema = context.schema(anchor);
    let declared = declared(schema);
    let mut items: Vec<Value> = store
        .children(path)
        .into_iter()
        .map(|(_, item)| item.clone())
        .collect();
    let filter_field = call.query_text("filterField").filter(|f| !f.is_empty());
    let filter = call.query_text("filter").filter(|f| !f.is_empty());
    if let (Some(field), Some(filter)) = (&filter_field, &filter) {
        items.retain(|item| {
            item.get(field)
                .is_some_and(|value| glob(filter, &text_of(value)))
        });
    }
    let sort_name = if has_param(action, "sortColumn") {
        "sortColumn"
    } else {
        "sortField"
    };
    let sort_field = call.query_text(sort_name).filter(|f| !f.is_empty());
    let direction = call
        .query_text("sortDirection")
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "asc".to_string());
    if let Some(field) = &sort_field {
        items.sort_by(|a, b| compare(a.get(field), b.get(field)));
        if direction.eq_ignore_ascii_case("desc") {
            items.reverse();
        }
    }
    let total = items.len();
    let mut answer = Map::new();
    let page_items: Vec<Value> =
        if has_param(action, "perPage") || declared.iter().any(|d| d == "perPage") {
            let per_page = integer(action, call, "perPage", 100).max(1);
            let page = integer(action, call, "page", 0).max(0);
            answer.insert("perPage".into(), Value::from(per_page));
            answer.insert("page".into(), Value::from(page));
            let start = (page.saturating_mul(per_page)).min(total as i64) as usize;
            items
                .into_iter()
                .skip(start)
                .take(per_page as usize)
                .collect()
        } else if has_param(action, "limit") || declared.iter().any(|d| d == "limit") {
            let limit = integer(action, call, "limit", 1000).max(0);
            let offset = integer(action, call, "offset", 0).max(0);
            answer.insert("limit".into(), Value::from(limit));
            answer.insert("offset".into(), Value::from(offset));
            items
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .collect()
        } else {
            items
        };
    answer.insert("count".into(), Value::from(page_items.len()));
    answer.insert("totalCount".into(), Value::from(total));
    if let Some(field) = sort_field {
        answer.insert(sort_name.into(), Value::from(field));
        answer.insert("sortDirection".into(), Value::from(direction));
    }
    if let (Some(field), Some(filter)) = (filter_field, filter) {
        answer.insert("filterField".into(), Value::from(field));
        answer.insert("filter".into(), Value::from(filter));
    }
    for (name, value) in crate::routes::path_params(&pair.collection_path, path).unwrap_or_default()
    {
        answer.insert(name, Value::from(value));
    }
    answer.retain(|name, _| declared.contains(name));
    answer.insert("items".into(), Value::from(page_items));
    // Whatever else the schema requires, from its example.
    let example = context.examples.of(anchor);
    for name in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if !answer.contains_key(name) {
            if let Some(value) = example.get(name) {
                answer.insert(name.to_string(), value.clone());
            }
        }
    }
    Answer {
        status: success.status,
        body: Some(Value::Object(answer)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_runs_of_any_characters_ignoring_case() {
        assert!(glob("my * device", "My Blue Device"));
        assert!(glob("*", ""));
        assert!(glob("a*b*c", "aXXbYYc"));
        assert!(!glob("a*b", "aXXc"));
        assert!(glob("exact", "EXACT"));
        assert!(!glob("exact", "exactly"));
    }
}
