//! Examples that contradict their own schema: they (and their drifted copies) may fail to
//! decode, for the reason given; an entry that matches no failure fails the proof.

/// One allowed failure (never a random answer, never a model loosened to pass an example): `platforms` is a prefix of the platform name (`ghes-` for all GHES,
/// `` for every description); `example` the example's name.
#[derive(Debug)]
pub struct Allowed {
    pub endpoint: &'static str,
    pub status: u16,
    pub platforms: &'static str,
    pub example: &'static str,
    pub reason: &'static str,
}

/// The schema is `empty-object` (an object), the example `null`.
const NULL_EMPTY_OBJECT: &str = "the example is `null` where the schema is an empty object (`{}`)";

pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "actions.cancelWorkflowRun",
        status: 202,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "actions.createOrUpdateRepoSecret",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "actions.createRepoVariable",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "actions.reRunJobForWorkflowRun",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "actions.reRunWorkflow",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "actions.reRunWorkflowFailedJobs",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "checks.rerequestRun",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "checks.rerequestSuite",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "projects.moveCard",
        status: 201,
        platforms: "",
        example: "default",
        reason: NULL_EMPTY_OBJECT,
    },
    Allowed {
        endpoint: "meta.get",
        status: 200,
        platforms: "api.github.com",
        example: "default",
        reason: "`ssh_key_fingerprints.SHA256_DSA` is the integer 1234567890 where the schema says string",
    },
    Allowed {
        endpoint: "meta.get",
        status: 200,
        platforms: "ghec",
        example: "default",
        reason: "`ssh_key_fingerprints.SHA256_DSA` is the integer 1234567890 where the schema says string",
    },
    Allowed {
        endpoint: "repos.getAllEnvironments",
        status: 200,
        platforms: "ghes-",
        example: "default",
        reason: "`deployment_branch_policy.custom_branch_policies` is the string \"trues\" where the schema says boolean",
    },
];

/// The entry that allows a failure of `what` (`example NAME`, `drifted NAME`, `random N`).
pub fn find(platform: &str, endpoint: &str, status: u16, what: &str) -> Option<usize> {
    let name = what
        .strip_prefix("example ")
        .or_else(|| what.strip_prefix("drifted "))?;
    ALLOWED.iter().position(|a| {
        a.endpoint == endpoint
            && a.status == status
            && platform.starts_with(a.platforms)
            && a.example == name
    })
}
