//! View models of the evening's later activities: quiz reveals, goal
//! agreement, votes, lists of items (idea wall, actions, questions, pitch
//! feedback) and the categorising board.

use crate::i18n::Tr;
use crate::views::models::decimal;
use koers_core::activity::ActivityKind;
use koers_core::answer::Agreement;
use koers_core::board::Board;
use koers_core::doc::ActivityDoc;
use koers_core::ids::ItemId;
use koers_core::items::{Item, ItemDetail, ItemStatus, Tone};
use koers_core::org::OrgType;
use koers_core::tally::Tally;
use koers_core::vote::VoteResult;

/// Agreement with one wording of the goal.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsentRow {
    /// The wording.
    pub text: String,
    /// Respondents per level: agree, can live with it, object.
    pub counts: [u64; 3],
    /// Shares per level, 0–100.
    pub pcts: [u64; 3],
    /// Reasons given: (level name, translated level, reason).
    pub reasons: Vec<(&'static str, String, String)>,
}

/// One line of a vote's results.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteLine {
    /// Rank ("1", or "2=" for a tie).
    pub rank: String,
    /// Shares its rank with another.
    pub tied: bool,
    /// The candidate.
    pub label: String,
    /// Dots, points or Borda points.
    pub total: u64,
    /// Share of voters who gave it anything, 0–100.
    pub share: u64,
    /// Mean per voter.
    pub mean: String,
    /// Spread (standard deviation) per voter.
    pub spread: String,
    /// Bar length, 0–100.
    pub width: f64,
}

/// The results of a vote, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteView {
    /// Lines by rank.
    pub lines: Vec<VoteLine>,
    /// Ballots counted.
    pub voters: u64,
    /// The Schulze order as text ("A > B = C"), for rankings.
    pub schulze: String,
    /// Borda and Schulze disagree.
    pub disagree: bool,
}

impl VoteView {
    /// From a tally over `labels`.
    pub fn new(t: &Tr, r: &VoteResult, labels: &[String]) -> VoteView {
        let label = |i: u32| labels.get(i as usize).cloned().unwrap_or_default();
        let max = r.rows.iter().map(|x| x.total).max().unwrap_or(0);
        VoteView {
            lines: r
                .rows
                .iter()
                .map(|row| VoteLine {
                    rank: if row.tied {
                        format!("{}=", row.rank)
                    } else {
                        row.rank.to_string()
                    },
                    tied: row.tied,
                    label: label(row.candidate),
                    total: row.total,
                    share: (row.share * 100.0).round() as u64,
                    mean: decimal(t, row.mean),
                    spread: decimal(t, row.spread),
                    width: if max == 0 {
                        0.0
                    } else {
                        row.total as f64 * 100.0 / max as f64
                    },
                })
                .collect(),
            voters: r.voters,
            schulze: r
                .schulze
                .iter()
                .map(|tier| {
                    tier.iter()
                        .map(|&c| label(c))
                        .collect::<Vec<_>>()
                        .join(" = ")
                })
                .collect::<Vec<_>>()
                .join(" > "),
            disagree: r.methods_disagree,
        }
    }
}

/// One item on a wall or list.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    /// Its id.
    pub id: String,
    /// The text ("We doen …" for an action).
    pub text: String,
    /// The table or name of its author, if any.
    pub author: String,
    /// "… zodat …" (actions).
    pub so_that: String,
    /// Who (actions).
    pub who: String,
    /// By when (actions).
    pub by_when: String,
    /// What is needed (actions).
    pub needs: String,
    /// Up-votes or commitments.
    pub marks: i64,
    /// Organisations that committed ("GGD, School").
    pub committed: String,
    /// `visible`, `hidden`, `pending`, `answered`.
    pub status: &'static str,
    /// Texts of items merged into this one.
    pub merged: Vec<String>,
    /// On the categorising board: the category it is in ("" for none).
    pub category: String,
}

/// A group of items with a heading (a table, a priority, a speaker).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemGroup {
    /// Heading ("" for none).
    pub title: String,
    /// Items.
    pub items: Vec<ItemView>,
}

/// A category on the board with its ideas.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Names merged into it.
    pub merged_from: String,
    /// The id of the societal result it is linked to ("" if none).
    pub result_id: String,
    /// That result's title ("" if none, or no longer in the inventory).
    pub result: String,
    /// Its ideas.
    pub items: Vec<ItemView>,
}

/// The categorising board.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardView {
    /// Categories in order.
    pub categories: Vec<CategoryView>,
    /// Ideas in no category.
    pub unplaced: Vec<ItemView>,
}

fn org_label(orgs: &[OrgType], key: &str) -> String {
    orgs.iter()
        .find(|o| o.key == key)
        .map(|o| o.label.clone())
        .unwrap_or_else(|| key.to_string())
}

/// The view of one item; `all` gives the texts merged into it.
pub fn item_view(item: &Item, all: &[Item], orgs: &[OrgType]) -> ItemView {
    let mut v = ItemView {
        id: item.id.to_string(),
        text: item.draft.text.clone(),
        author: item.author_label.clone().unwrap_or_default(),
        so_that: String::new(),
        who: String::new(),
        by_when: String::new(),
        needs: String::new(),
        marks: item.marks,
        committed: {
            let mut o: Vec<String> = item
                .committed_orgs
                .iter()
                .filter(|k| !k.is_empty())
                .map(|k| org_label(orgs, k))
                .collect();
            o.sort();
            o.dedup();
            o.join(", ")
        },
        status: item.status.name(),
        merged: all
            .iter()
            .filter(|m| m.merged_into == Some(item.id) && m.status == ItemStatus::Merged)
            .map(|m| m.draft.text.clone())
            .collect(),
        category: String::new(),
    };
    if let ItemDetail::Action {
        so_that,
        who,
        by_when,
        needs,
        ..
    } = &item.draft.detail
    {
        v.so_that = so_that.clone();
        v.who = who.clone();
        v.by_when = by_when.clone();
        v.needs = needs.clone();
    }
    v
}

/// Items grouped for a list activity. `shown_only` leaves out hidden and
/// pending items (screen and phones); the console sees everything except
/// withdrawn and merged items.
pub fn item_groups(
    t: &Tr,
    kind: &ActivityKind,
    doc: &ActivityDoc,
    items: &[Item],
    orgs: &[OrgType],
    shown_only: bool,
) -> Vec<ItemGroup> {
    let keep = |i: &&Item| {
        if shown_only {
            i.status.shown()
        } else {
            !matches!(i.status, ItemStatus::Withdrawn | ItemStatus::Merged)
        }
    };
    let view = |i: &Item| item_view(i, items, orgs);
    match kind {
        ActivityKind::Actions { .. } => {
            let topics = doc
                .list
                .as_ref()
                .map(|l| l.labels.clone())
                .unwrap_or_default();
            topics
                .iter()
                .enumerate()
                .map(|(n, title)| ItemGroup {
                    title: title.clone(),
                    items: items
                        .iter()
                        .filter(keep)
                        .filter(|i| matches!(i.draft.detail, ItemDetail::Action { topic, .. } if topic as usize == n))
                        .map(view)
                        .collect(),
                })
                .collect()
        }
        ActivityKind::Questions { .. } => {
            let mut list: Vec<&Item> = items.iter().filter(keep).collect();
            // Most up-voted first; answered questions sink to the bottom.
            list.sort_by_key(|i| (i.status == ItemStatus::Answered, -i.marks, i.created_ms));
            vec![ItemGroup {
                title: String::new(),
                items: list.into_iter().map(view).collect(),
            }]
        }
        ActivityKind::Pitches { speakers, .. } => {
            let mut groups = Vec::new();
            for (n, speaker) in speakers.iter().enumerate() {
                for tone in [Tone::Success, Tone::Improve] {
                    let list: Vec<ItemView> = items
                        .iter()
                        .filter(keep)
                        .filter(|i| {
                            matches!(i.draft.detail, ItemDetail::Feedback { speaker, tone: tn } if speaker as usize == n && tn == tone)
                        })
                        .map(view)
                        .collect();
                    if !list.is_empty() {
                        let key = match tone {
                            Tone::Success => "pitch-success-of",
                            Tone::Improve => "pitch-improve-of",
                        };
                        groups.push(ItemGroup {
                            title: t.t1(key, "speaker", speaker.as_str()),
                            items: list,
                        });
                    }
                }
            }
            groups
        }
        ActivityKind::IdeaWall { .. } if doc.by_author => {
            // Per table, in the order tables first posted; individuals together.
            let mut groups: Vec<ItemGroup> = Vec::new();
            for i in items.iter().filter(keep) {
                let title = match (&i.author, &i.author_label) {
                    (Some(koers_core::event::Respondent::Table(_)), Some(name)) => name.clone(),
                    _ => t.t("wall-individuals"),
                };
                match groups.iter_mut().find(|g| g.title == title) {
                    Some(g) => g.items.push(view(i)),
                    None => groups.push(ItemGroup {
                        title,
                        items: vec![view(i)],
                    }),
                }
            }
            groups
        }
        _ => vec![ItemGroup {
            title: String::new(),
            items: items.iter().filter(keep).map(view).collect(),
        }],
    }
}

/// The board with the idea wall's shown ideas.
/// The board as shown; `results` are the inventory's results (id, title)
/// that categories may be linked to.
pub fn board_view(
    board: &Board,
    items: &[Item],
    orgs: &[OrgType],
    results: &[(koers_core::ids::ResultId, String)],
) -> BoardView {
    let ideas: Vec<&Item> = items.iter().filter(|i| i.status.shown()).collect();
    let ids: Vec<ItemId> = ideas.iter().map(|i| i.id).collect();
    let find = |id: &ItemId| {
        ideas
            .iter()
            .find(|i| i.id == *id)
            .map(|i| item_view(i, items, orgs))
    };
    BoardView {
        categories: board
            .categories
            .iter()
            .map(|c| CategoryView {
                id: c.id.to_string(),
                name: c.name.clone(),
                merged_from: c.merged_from.join(", "),
                result_id: c.result.map(|r| r.to_string()).unwrap_or_default(),
                result: c
                    .result
                    .and_then(|r| results.iter().find(|(id, _)| *id == r))
                    .map(|(_, title)| title.clone())
                    .unwrap_or_default(),
                items: board
                    .members(c.id, &ids)
                    .into_iter()
                    .filter_map(find)
                    .map(|mut v| {
                        v.category = c.id.to_string();
                        v
                    })
                    .collect(),
            })
            .collect(),
        unplaced: board.unplaced(&ids).into_iter().filter_map(find).collect(),
    }
}

/// Agreement per wording.
pub fn consent_rows(t: &Tr, wordings: &[String], tally: &Tally) -> Vec<ConsentRow> {
    let Tally::Consent {
        counts,
        reasons,
        respondents,
    } = tally
    else {
        return Vec::new();
    };
    let pct = |n: u64| {
        (n * 100 + respondents / 2)
            .checked_div(*respondents)
            .unwrap_or(0)
    };
    wordings
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let c = counts.get(i).copied().unwrap_or_default();
            ConsentRow {
                text: text.clone(),
                counts: c,
                pcts: [pct(c[0]), pct(c[1]), pct(c[2])],
                reasons: reasons
                    .get(i)
                    .map(|r| {
                        r.iter()
                            .map(|(level, reason)| {
                                (level.name(), t.t(&agreement_key(*level)), reason.clone())
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Translation key of an agreement level.
pub fn agreement_key(level: Agreement) -> String {
    format!("goal-{}", level.name().replace('_', "-"))
}

/// What Koers proposes for a categorising board: groups of ideas not yet
/// placed (at least two each), and near-duplicates among all shown ideas.
#[derive(Debug)]
pub struct BoardProposal<'a> {
    /// Label and ideas of each proposed group.
    pub groups: Vec<(String, Vec<&'a Item>)>,
    /// Pairs of near-duplicates with their similarity in percent.
    pub duplicates: Vec<(&'a Item, &'a Item, u32)>,
}

/// The proposal for `board` over the idea wall's `items`.
pub fn board_proposal<'a>(board: &Board, items: &'a [Item]) -> BoardProposal<'a> {
    let shown: Vec<&Item> = items.iter().filter(|i| i.status.shown()).collect();
    let texts: Vec<&str> = shown.iter().map(|i| i.draft.text.as_str()).collect();
    let p = koers_core::cluster::propose(&texts);
    BoardProposal {
        groups: p
            .groups
            .into_iter()
            .map(|g| {
                let members: Vec<&Item> = g
                    .members
                    .iter()
                    .map(|&m| shown[m])
                    .filter(|i| !board.placement.contains_key(&i.id))
                    .collect();
                (g.label, members)
            })
            .filter(|(_, m)| m.len() >= 2)
            .collect(),
        duplicates: p
            .near_duplicates
            .iter()
            .map(|d| {
                (
                    shown[d.a],
                    shown[d.b],
                    (d.similarity * 100.0).round() as u32,
                )
            })
            .collect(),
    }
}

/// A vote's results per organisation type: (type, voters, the top three).
/// Voters without a type are counted under "not given"; tablets vote as
/// tables and have none either.
pub fn vote_breakdown(
    t: &Tr,
    kind: &ActivityKind,
    list: &koers_core::doc::FrozenList,
    orgs: &[OrgType],
    ballots: &[(Option<String>, koers_core::answer::Answer)],
) -> Vec<(String, u64, String)> {
    let mut keys: Vec<Option<String>> = ballots.iter().map(|(o, _)| o.clone()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let answers: Vec<&koers_core::answer::Answer> = ballots
                .iter()
                .filter(|(o, _)| *o == key)
                .map(|(_, a)| a)
                .collect();
            let Tally::Vote(r) = koers_core::tally::tally(kind, list.keys.len(), answers) else {
                return None;
            };
            let label = match &key {
                Some(k) => org_label(orgs, k),
                None => t.t("org-unknown"),
            };
            let top = r
                .rows
                .iter()
                .take(3)
                .filter_map(|row| list.labels.get(row.candidate as usize).cloned())
                .collect::<Vec<_>>()
                .join(" · ");
            (r.voters > 0).then_some((label, r.voters, top))
        })
        .collect()
}
