//! The categorising board: categories formed live by the facilitator and the
//! ideas placed in them. A board is a small value; every step produces a new
//! board from the old one, and no step can lose an idea (an idea is always in
//! one category or unplaced). Undo keeps, per step, only what the step
//! changed ([`BoardUndo`]): a whole board per step would grow with ideas
//! times steps, which for an evening of 2,000 ideas is hundreds of megabytes.

use crate::error::DomainError;
use crate::ids::{CategoryId, ItemId, ResultId};
use crate::text::clean_line;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest category name.
pub const MAX_CATEGORY: usize = 80;
/// Most categories on one board.
pub const MAX_CATEGORIES: usize = 40;

/// A category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    /// Its id.
    pub id: CategoryId,
    /// Its name.
    pub name: String,
    /// Names of categories merged into this one (for the report).
    #[serde(default)]
    pub merged_from: Vec<String>,
    /// The societal result of the prevention inventory it serves, if the
    /// facilitator linked one (an evening's priority becomes a result's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ResultId>,
}

/// Categories in display order and where each idea is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Board {
    /// Categories in display order.
    pub categories: Vec<Category>,
    /// The category of each placed idea; ideas not here are unplaced.
    pub placement: BTreeMap<ItemId, CategoryId>,
}

/// One categorising step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum BoardOp {
    /// Add a category at the end.
    Create {
        /// Its new id (chosen by the caller).
        id: CategoryId,
        /// Its name.
        name: String,
    },
    /// Rename a category.
    Rename {
        /// The category.
        id: CategoryId,
        /// The new name.
        name: String,
    },
    /// Move every idea of `from` into `into` and remove `from`.
    Merge {
        /// The category that disappears.
        from: CategoryId,
        /// The category that receives its ideas.
        into: CategoryId,
    },
    /// Put an idea in a category, or take it out (`to: None`).
    Move {
        /// The idea.
        item: ItemId,
        /// The category, or none.
        to: Option<CategoryId>,
    },
    /// Move a category one place earlier or later.
    Reorder {
        /// The category.
        id: CategoryId,
        /// Earlier (true) or later.
        up: bool,
    },
    /// Remove an empty category.
    Remove {
        /// The category.
        id: CategoryId,
    },
    /// Link a category to a societal result of the workspace's inventory,
    /// or unlink it (`result: None`). The store checks the result exists.
    Link {
        /// The category.
        id: CategoryId,
        /// The result, or none.
        result: Option<ResultId>,
    },
    /// Accept a proposed grouping: create these categories with these ideas
    /// (ideas already placed stay where they are).
    Accept {
        /// New categories: id, name and ideas.
        groups: Vec<(CategoryId, String, Vec<ItemId>)>,
    },
}

/// What undoes one step: the categories as they were, if the step changed
/// them (there are at most [`MAX_CATEGORIES`]), and the earlier place of
/// every idea whose place it changed (`None`: it was unplaced).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardUndo {
    /// The categories before the step, when it changed them.
    pub categories: Option<Vec<Category>>,
    /// Each idea the step placed, moved or took out, with its earlier place.
    pub placement: Vec<(ItemId, Option<CategoryId>)>,
}

impl Board {
    /// What turns `self` back into `earlier`: the difference between the
    /// two, whatever step lies between them.
    pub fn undo_to(&self, earlier: &Board) -> BoardUndo {
        let categories =
            (self.categories != earlier.categories).then(|| earlier.categories.clone());
        let mut placement = Vec::new();
        for (item, was) in &earlier.placement {
            if self.placement.get(item) != Some(was) {
                placement.push((*item, Some(*was)));
            }
        }
        for item in self.placement.keys() {
            if !earlier.placement.contains_key(item) {
                placement.push((*item, None));
            }
        }
        placement.sort_by_key(|(item, _)| *item);
        BoardUndo {
            categories,
            placement,
        }
    }

    /// The board with `undo` applied: the board before the step, when
    /// `self` is the board the step produced.
    pub fn undone(&self, undo: &BoardUndo) -> Board {
        let mut earlier = self.clone();
        if let Some(categories) = &undo.categories {
            earlier.categories = categories.clone();
        }
        for (item, was) in &undo.placement {
            match was {
                Some(c) => earlier.placement.insert(*item, *c),
                None => earlier.placement.remove(item),
            };
        }
        earlier
    }

    /// The undo records of a history kept as whole boards (as Koers did
    /// before [`BoardUndo`]): `before_each` holds the board before each
    /// step, oldest first, and `self` is the board after the last step.
    pub fn undo_chain(&self, before_each: &[Board]) -> Vec<BoardUndo> {
        let afters = before_each.iter().skip(1).chain(std::iter::once(self));
        before_each
            .iter()
            .zip(afters)
            .map(|(before, after)| after.undo_to(before))
            .collect()
    }

    fn position(&self, id: CategoryId) -> Result<usize, DomainError> {
        self.categories
            .iter()
            .position(|c| c.id == id)
            .ok_or(DomainError::NotFound)
    }

    fn add_category(&mut self, id: CategoryId, name: &str) -> Result<(), DomainError> {
        let name = clean_line(name, MAX_CATEGORY)?;
        if self.categories.len() >= MAX_CATEGORIES {
            return Err(DomainError::InvalidActivity("too-many-categories"));
        }
        if self.categories.iter().any(|c| c.id == id) {
            return Err(DomainError::InvalidActivity("duplicate-category"));
        }
        self.categories.push(Category {
            id,
            name,
            merged_from: Vec::new(),
            result: None,
        });
        Ok(())
    }

    /// The board after `op`. `ideas` are the ideas that may be placed (the
    /// idea wall's shown items); a refusal leaves the board as it was.
    pub fn apply(&self, op: BoardOp, ideas: &[ItemId]) -> Result<Board, DomainError> {
        let mut next = self.clone();
        match op {
            BoardOp::Create { id, name } => next.add_category(id, &name)?,
            BoardOp::Rename { id, name } => {
                let i = next.position(id)?;
                next.categories[i].name = clean_line(&name, MAX_CATEGORY)?;
            }
            BoardOp::Merge { from, into } => {
                if from == into {
                    return Err(DomainError::InvalidActivity("merge-into-itself"));
                }
                let i = next.position(from)?;
                next.position(into)?;
                let gone = next.categories.remove(i);
                for cat in next.placement.values_mut() {
                    if *cat == from {
                        *cat = into;
                    }
                }
                let j = next.position(into)?;
                let target = &mut next.categories[j];
                target.merged_from.push(gone.name);
                target.merged_from.extend(gone.merged_from);
                // The merged category keeps its own link, else takes the other's.
                target.result = target.result.or(gone.result);
            }
            BoardOp::Move { item, to } => {
                if !ideas.contains(&item) {
                    return Err(DomainError::NotFound);
                }
                match to {
                    Some(c) => {
                        next.position(c)?;
                        next.placement.insert(item, c);
                    }
                    None => {
                        next.placement.remove(&item);
                    }
                }
            }
            BoardOp::Reorder { id, up } => {
                let i = next.position(id)?;
                let j = if up {
                    i.checked_sub(1)
                } else {
                    Some(i + 1).filter(|&j| j < next.categories.len())
                };
                if let Some(j) = j {
                    next.categories.swap(i, j);
                }
            }
            BoardOp::Remove { id } => {
                let i = next.position(id)?;
                if next.placement.values().any(|c| *c == id) {
                    return Err(DomainError::HasAnswers);
                }
                next.categories.remove(i);
            }
            BoardOp::Link { id, result } => {
                let i = next.position(id)?;
                next.categories[i].result = result;
            }
            BoardOp::Accept { groups } => {
                for (id, name, members) in groups {
                    next.add_category(id, &name)?;
                    for m in members {
                        if ideas.contains(&m) {
                            next.placement.entry(m).or_insert(id);
                        }
                    }
                }
            }
        }
        Ok(next)
    }

    /// The ideas in a category, in the order of `ideas`.
    pub fn members<'a>(&self, id: CategoryId, ideas: &'a [ItemId]) -> Vec<&'a ItemId> {
        ideas
            .iter()
            .filter(|i| self.placement.get(i) == Some(&id))
            .collect()
    }

    /// Ideas in no category, in the order of `ideas`.
    pub fn unplaced<'a>(&self, ideas: &'a [ItemId]) -> Vec<&'a ItemId> {
        ideas
            .iter()
            .filter(|i| {
                self.placement
                    .get(i)
                    .is_none_or(|c| !self.categories.iter().any(|k| k.id == *c))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
