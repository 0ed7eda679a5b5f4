//! By-value cycles between models: a field referring (directly or through `Option`) to a
//! model of its own cycle gets `boxed`; a cycle made only of `one_of` variants is an error.

use std::collections::HashMap;

use super::{Model, ModelKind, Schema};
use crate::diag::Diagnostic;

/// Sets `boxed` on every by-value field reference whose target lies on a cycle with the field's
/// model (Tarjan's strongly connected components, linear). `Vec`/`BTreeMap` break a cycle.
pub(crate) fn box_cycles(models: &mut [Model], diags: &mut Vec<Diagnostic>) {
    let index: HashMap<&str, usize> = models
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.as_str(), i))
        .collect();
    // Edges: (target, Some(field index)) for fields, (target, None) for one_of variants.
    let edges: Vec<Vec<(usize, Option<usize>)>> = models
        .iter()
        .map(|m| match &m.kind {
            ModelKind::Object { fields } => fields
                .iter()
                .enumerate()
                .filter_map(|(i, f)| match &f.schema {
                    Schema::Ref { name, .. } => index.get(name.as_str()).map(|&t| (t, Some(i))),
                    _ => None,
                })
                .collect(),
            ModelKind::OneOf { variants, .. } => variants
                .iter()
                .filter_map(|v| index.get(v.as_str()).map(|&t| (t, None)))
                .collect(),
            ModelKind::Enum { .. } => Vec::new(),
        })
        .collect();
    let component = components(&edges);
    for (from, out) in edges.iter().enumerate() {
        for &(to, field) in out {
            if let (Some(i), true) = (field, component[from] == component[to]) {
                if let ModelKind::Object { fields } = &mut models[from].kind {
                    if let Schema::Ref { boxed, .. } = &mut fields[i].schema {
                        *boxed = true;
                    }
                }
            }
        }
    }
    // What is left inside a component are one_of edges; any cycle among them has infinite size.
    let one_of: Vec<Vec<usize>> = edges
        .iter()
        .enumerate()
        .map(|(from, out)| {
            out.iter()
                .filter(|(to, field)| field.is_none() && component[from] == component[*to])
                .map(|(to, _)| *to)
                .collect()
        })
        .collect();
    let one_of_component = components(&one_of);
    let mut reported = vec![false; models.len()];
    for (from, out) in one_of.iter().enumerate() {
        let c = one_of_component[from];
        if reported[c] || !out.iter().any(|&to| one_of_component[to] == c) {
            continue;
        }
        reported[c] = true;
        let mut members: Vec<&str> = (0..models.len())
            .filter(|&m| one_of_component[m] == c)
            .map(|m| models[m].name.as_str())
            .collect();
        members.sort_unstable();
        let m = &models[from];
        diags.push(
            Diagnostic::new(
                &m.source,
                m.line,
                format!("`one_of` cycle: {} contain each other with no object in between", members.join(", ")),
            )
            .with_hint("a `one_of` cannot list itself (directly or through other `one_of`s); list object models"),
        );
    }
}

/// The strongly connected component of each node (iterative Tarjan).
fn components<E: Copy + Into<EdgeTarget>>(edges: &[Vec<E>]) -> Vec<usize> {
    let n = edges.len();
    let (mut index, mut low, mut comp) = (vec![usize::MAX; n], vec![0; n], vec![usize::MAX; n]);
    let (mut on_stack, mut stack, mut next, mut count) = (vec![false; n], Vec::new(), 0, 0);
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if *pos == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&e) = edges[v].get(*pos) {
                *pos += 1;
                let w = e.into().0;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = count;
                    if w == v {
                        break;
                    }
                }
                count += 1;
            }
        }
    }
    comp
}

/// The target node of an edge, whatever else the edge carries.
struct EdgeTarget(usize);

impl From<usize> for EdgeTarget {
    fn from(to: usize) -> Self {
        EdgeTarget(to)
    }
}

impl From<(usize, Option<usize>)> for EdgeTarget {
    fn from((to, _): (usize, Option<usize>)) -> Self {
        EdgeTarget(to)
    }
}
