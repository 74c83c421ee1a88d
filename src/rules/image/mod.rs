//! Base images: tags, digests, registries.

pub mod df005;
pub mod dl3006;
pub mod dl3007;
pub mod dl3026;

use crate::lint::At;
use crate::semantic::{Base, ImageRef};
use crate::syntax::Body;
use crate::text::Span;

/// The image a FROM pulls, when it is a registry image whose reference is fully known, with the
/// span of the reference as written. Stages, `scratch` and references with unresolved ARGs give None.
pub fn pulled_image<'a>(at: &At<'a>) -> Option<(&'a ImageRef, Span)> {
    let Body::From { image, .. } = &at.instruction.body else { return None };
    let stage = at.stage.filter(|s| s.from == at.index && !at.onbuild)?;
    match &stage.base {
        Base::Image { reference, resolved: true } => Some((reference, image.span)),
        _ => None,
    }
}
