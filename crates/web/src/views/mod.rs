//! What people see: askama templates (auto-escaped) and the view models they
//! render. The same fragments render the first page and the live frames.

pub mod evening;
pub mod frames;
pub mod models;
pub mod pages;
pub mod qr;
