//! Recent items: per item type and parent, the items the user touched last.

use serde_json::{json, Map, Value};

use crate::call::{ApiError, Call};
use crate::world::World;

pub(crate) fn recent_item_list(world: &World, item_type: &str, parent_id: Option<&str>) -> Value {
    let items: Vec<Value> = world
        .me
        .recent_list(item_type, parent_id)
        .iter()
        .map(|id| json!({"id": id, "name": world.me.item_name(item_type, id)}))
        .collect();
    let mut list = Map::new();
    list.insert("itemType".into(), Value::from(item_type));
    if let Some(parent_id) = parent_id {
        list.insert("parentId".into(), Value::from(parent_id));
    }
    list.insert("items".into(), Value::from(items));
    Value::Object(list)
}

pub(crate) fn add_recent_item(world: &mut World, call: &Call) -> Result<Value, ApiError> {
    let (Some(item_type), Some(item_id)) = (call.body_str("itemType"), call.body_str("itemId"))
    else {
        return Err(ApiError::validation("`itemType` and `itemId` are required"));
    };
    let parent_id = call.body_str("parentId");
    world.me.touch_recent(item_type, parent_id, item_id);
    Ok(recent_item_list(world, item_type, parent_id))
}
