//! The questionnaire model on the fixture of [`fixture`], whose right
//! answers are worked out by hand in each test.

mod answers;
mod conditions;
mod definition;
pub(crate) mod fixture;
mod flow;
mod kinds;
mod props;
mod results;
mod scale;
