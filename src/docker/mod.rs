//! The build-and-run checker's side of Docker (feature `docker`): packing the build context as the engine
//! expects it. Only this module and the language server may do IO beyond reading Dockerfiles.

pub mod context;
