//! Nesting: flattened row names (`a.b`, `a[].b`, `a.*`) folded into a tree of nodes, in table order.

use crate::parse::ParamRow;

/// One level of a parameter name with the rows nested below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Wire name of this level (`name`, `*`).
    pub wire: String,
    /// Full spec name of this node (`committer.name`, `files[].path`).
    pub spec_name: String,
    /// The table row for this node; `None` when only children were listed.
    pub row: Option<&'a ParamRow>,
    /// Children were written `a[].b`: they are fields of the array's elements.
    pub items: bool,
    pub children: Vec<Node<'a>>,
}

impl<'a> Node<'a> {
    fn new(wire: &str, spec_name: String) -> Self {
        Node {
            wire: wire.to_string(),
            spec_name,
            row: None,
            items: false,
            children: Vec::new(),
        }
    }

    /// The `*` child (map values), if any.
    pub fn map_values(&self) -> Option<&Node<'a>> {
        self.children.iter().find(|c| c.wire == "*")
    }

    /// Line of this node's row, or of the first row below it (implicit parents have no row).
    pub fn line(&self) -> Option<usize> {
        self.row
            .map(|r| r.line)
            .or_else(|| self.children.iter().find_map(Node::line))
    }

    /// Depth of nesting below this node (a leaf has depth 0).
    pub fn depth(&self) -> usize {
        self.children
            .iter()
            .map(|c| c.depth() + 1)
            .max()
            .unwrap_or(0)
    }
}

/// One segment of a flattened name: wire name and whether it was written `name[]`.
fn segments(name: &str) -> Vec<(&str, bool)> {
    name.split('.')
        .map(|s| match s.strip_suffix("[]") {
            Some(base) => (base, true),
            None => (s, false),
        })
        .collect()
}

/// Fold table rows into top-level nodes in first-appearance order. A row whose parent has no
/// row of its own still gets an (implicit) parent node.
pub fn build_tree(rows: &[ParamRow]) -> Vec<Node<'_>> {
    let mut roots: Vec<Node> = Vec::new();
    for row in rows {
        let segs = segments(&row.name);
        let mut level = &mut roots;
        let mut prefix = String::new();
        for (i, (wire, items)) in segs.iter().enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(wire);
            let pos = match level.iter().position(|n| n.wire == *wire) {
                Some(p) => p,
                None => {
                    level.push(Node::new(wire, prefix.clone()));
                    level.len() - 1
                }
            };
            let node = &mut level[pos];
            if i + 1 == segs.len() {
                if node.row.is_none() {
                    node.row = Some(row);
                }
            } else if *items {
                node.items = true;
            }
            if *items {
                prefix.push_str("[]");
            }
            level = &mut node.children;
        }
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> ParamRow {
        ParamRow {
            name: name.into(),
            required: false,
            description: String::new(),
            line: 1,
        }
    }

    #[test]
    fn nests_objects_arrays_and_maps() {
        let rows: Vec<_> = [
            "owner",
            "committer",
            "committer.name",
            "files[].path",
            "inputs.*",
            "a.b.c",
        ]
        .into_iter()
        .map(row)
        .collect();
        let tree = build_tree(&rows);
        let names: Vec<_> = tree.iter().map(|n| n.wire.as_str()).collect();
        assert_eq!(names, ["owner", "committer", "files", "inputs", "a"]);
        assert_eq!(tree[1].children[0].spec_name, "committer.name");
        assert!(tree[2].items && tree[2].row.is_none());
        assert_eq!(tree[2].children[0].spec_name, "files[].path");
        assert!(tree[3].map_values().is_some());
        assert_eq!(tree[4].depth(), 2);
    }
}
