//! Who the container runs as: USER, root, sudo.

pub mod df001;
pub mod dl3002;
pub mod dl3004;

use crate::semantic::Model;
use crate::syntax::{unquote, Word};

/// Whether a USER's user word (at instruction `index`) means root: `root` or uid `0`, also through
/// ARG/ENV values. `None` when a variable in it has no known value.
fn is_root(model: &Model, index: usize, user: &Word) -> Option<bool> {
    let expanded = model.expand_at(index, &user.text);
    if !expanded.is_resolved() {
        return None;
    }
    // A variable may hold `user:group` as a whole.
    let value = unquote(&expanded.text);
    let name = value.split(':').next().unwrap_or("").trim();
    Some(name == "root" || name == "0")
}
