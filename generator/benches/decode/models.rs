// Written by scripts/decode-bench-models.py (field names and types of GitHub's
// full-repository and simple-user schemas); the models of generator/benches/decode/main.rs.

pub mod plain {
    #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
    pub struct SimpleUser {
        #[serde(default)]
        pub name: Option<String>,
        #[serde(default)]
        pub email: Option<String>,
        pub login: String,
        pub id: i64,
        pub node_id: String,
        pub avatar_url: String,
        pub gravatar_id: Option<String>,
        pub url: String,
        pub html_url: String,
        pub followers_url: String,
        pub following_url: String,
        pub gists_url: String,
        pub starred_url: String,
        pub subscriptions_url: String,
        pub organizations_url: String,
        pub repos_url: String,
        pub events_url: String,
        pub received_events_url: String,
        #[serde(rename = "type")]
        pub r#type: String,
        pub site_admin: bool,
        #[serde(default)]
        pub starred_at: Option<String>,
        #[serde(default)]
        pub user_view_type: Option<String>,
    }
    #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
    pub struct Repository {
        pub id: i64,
        pub node_id: String,
        pub name: String,
        pub full_name: String,
        pub owner: SimpleUser,
        pub private: bool,
        pub html_url: String,
        pub description: Option<String>,
        pub fork: bool,
        pub url: String,
        pub archive_url: String,
        pub assignees_url: String,
        pub blobs_url: String,
        pub branches_url: String,
        pub collaborators_url: String,
        pub comments_url: String,
        pub commits_url: String,
        pub compare_url: String,
        pub contents_url: String,
        pub contributors_url: String,
        pub deployments_url: String,
        pub downloads_url: String,
        pub events_url: String,
        pub forks_url: String,
        pub git_commits_url: String,
        pub git_refs_url: String,
        pub git_tags_url: String,
        pub git_url: String,
        pub issue_comment_url: String,
        pub issue_events_url: String,
        pub issues_url: String,
        pub keys_url: String,
        pub labels_url: String,
        pub languages_url: String,
        pub merges_url: String,
        pub milestones_url: String,
        pub notifications_url: String,
        pub pulls_url: String,
        pub releases_url: String,
        pub ssh_url: String,
        pub stargazers_url: String,
        pub statuses_url: String,
        pub subscribers_url: String,
        pub subscription_url: String,
        pub tags_url: String,
        pub teams_url: String,
        pub trees_url: String,
        pub clone_url: String,
        pub mirror_url: Option<String>,
        pub hooks_url: String,
        pub svn_url: String,
        pub homepage: Option<String>,
        pub language: Option<String>,
        pub forks_count: i64,
        pub stargazers_count: i64,
        pub watchers_count: i64,
        pub size: i64,
        pub default_branch: String,
        pub open_issues_count: i64,
        #[serde(default)]
        pub is_template: Option<bool>,
        #[serde(default)]
        pub topics: Option<Vec<String>>,
        pub has_issues: bool,
        pub has_projects: bool,
        pub has_wiki: bool,
        pub has_pages: bool,
        #[serde(default)]
        pub has_downloads: Option<bool>,
        pub has_discussions: bool,
        pub archived: bool,
        pub disabled: bool,
        #[serde(default)]
        pub visibility: Option<String>,
        pub pushed_at: String,
        pub created_at: String,
        pub updated_at: String,
        #[serde(default)]
        pub permissions: Option<::serde_json::Value>,
        #[serde(default)]
        pub allow_rebase_merge: Option<bool>,
        #[serde(default)]
        pub temp_clone_token: Option<String>,
        #[serde(default)]
        pub allow_squash_merge: Option<bool>,
        #[serde(default)]
        pub allow_auto_merge: Option<bool>,
        #[serde(default)]
        pub delete_branch_on_merge: Option<bool>,
        #[serde(default)]
        pub allow_merge_commit: Option<bool>,
        #[serde(default)]
        pub allow_update_branch: Option<bool>,
        #[serde(default)]
        pub use_squash_pr_title_as_default: Option<bool>,
        #[serde(default)]
        pub squash_merge_commit_title: Option<String>,
        #[serde(default)]
        pub squash_merge_commit_message: Option<String>,
        #[serde(default)]
        pub merge_commit_title: Option<String>,
        #[serde(default)]
        pub merge_commit_message: Option<String>,
        #[serde(default)]
        pub allow_forking: Option<bool>,
        #[serde(default)]
        pub web_commit_signoff_required: Option<bool>,
        pub subscribers_count: i64,
        pub network_count: i64,
        pub license: Option<::serde_json::Value>,
        #[serde(default)]
        pub organization: Option<SimpleUser>,
        pub forks: i64,
        #[serde(default)]
        pub master_branch: Option<String>,
        pub open_issues: i64,
        pub watchers: i64,
        #[serde(default)]
        pub anonymous_access_enabled: Option<bool>,
        #[serde(default)]
        pub code_of_conduct: Option<::serde_json::Value>,
        #[serde(default)]
        pub security_and_analysis: Option<::serde_json::Value>,
        #[serde(default)]
        pub custom_properties: Option<::serde_json::Value>,
    }
}

pub mod flatten {
    #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
    pub struct SimpleUser {
        #[serde(default)]
        pub name: Option<String>,
        #[serde(default)]
        pub email: Option<String>,
        pub login: String,
        pub id: i64,
        pub node_id: String,
        pub avatar_url: String,
        pub gravatar_id: Option<String>,
        pub url: String,
        pub html_url: String,
        pub followers_url: String,
        pub following_url: String,
        pub gists_url: String,
        pub starred_url: String,
        pub subscriptions_url: String,
        pub organizations_url: String,
        pub repos_url: String,
        pub events_url: String,
        pub received_events_url: String,
        #[serde(rename = "type")]
        pub r#type: String,
        pub site_admin: bool,
        #[serde(default)]
        pub starred_at: Option<String>,
        #[serde(default)]
        pub user_view_type: Option<String>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<String, ::serde_json::Value>,
    }
    #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
    pub struct Repository {
        pub id: i64,
        pub node_id: String,
        pub name: String,
        pub full_name: String,
        pub owner: SimpleUser,
        pub private: bool,
        pub html_url: String,
        pub description: Option<String>,
        pub fork: bool,
        pub url: String,
        pub archive_url: String,
        pub assignees_url: String,
        pub blobs_url: String,
        pub branches_url: String,
        pub collaborators_url: String,
        pub comments_url: String,
        pub commits_url: String,
        pub compare_url: String,
        pub contents_url: String,
        pub contributors_url: String,
        pub deployments_url: String,
        pub downloads_url: String,
        pub events_url: String,
        pub forks_url: String,
        pub git_commits_url: String,
        pub git_refs_url: String,
        pub git_tags_url: String,
        pub git_url: String,
        pub issue_comment_url: String,
        pub issue_events_url: String,
        pub issues_url: String,
        pub keys_url: String,
        pub labels_url: String,
        pub languages_url: String,
        pub merges_url: String,
        pub milestones_url: String,
        pub notifications_url: String,
        pub pulls_url: String,
        pub releases_url: String,
        pub ssh_url: String,
        pub stargazers_url: String,
        pub statuses_url: String,
        pub subscribers_url: String,
        pub subscription_url: String,
        pub tags_url: String,
        pub teams_url: String,
        pub trees_url: String,
        pub clone_url: String,
        pub mirror_url: Option<String>,
        pub hooks_url: String,
        pub svn_url: String,
        pub homepage: Option<String>,
        pub language: Option<String>,
        pub forks_count: i64,
        pub stargazers_count: i64,
        pub watchers_count: i64,
        pub size: i64,
        pub default_branch: String,
        pub open_issues_count: i64,
        #[serde(default)]
        pub is_template: Option<bool>,
        #[serde(default)]
        pub topics: Option<Vec<String>>,
        pub has_issues: bool,
        pub has_projects: bool,
        pub has_wiki: bool,
        pub has_pages: bool,
        #[serde(default)]
        pub has_downloads: Option<bool>,
        pub has_discussions: bool,
        pub archived: bool,
        pub disabled: bool,
        #[serde(default)]
        pub visibility: Option<String>,
        pub pushed_at: String,
        pub created_at: String,
        pub updated_at: String,
        #[serde(default)]
        pub permissions: Option<::serde_json::Value>,
        #[serde(default)]
        pub allow_rebase_merge: Option<bool>,
        #[serde(default)]
        pub temp_clone_token: Option<String>,
        #[serde(default)]
        pub allow_squash_merge: Option<bool>,
        #[serde(default)]
        pub allow_auto_merge: Option<bool>,
        #[serde(default)]
        pub delete_branch_on_merge: Option<bool>,
        #[serde(default)]
        pub allow_merge_commit: Option<bool>,
        #[serde(default)]
        pub allow_update_branch: Option<bool>,
        #[serde(default)]
        pub use_squash_pr_title_as_default: Option<bool>,
        #[serde(default)]
        pub squash_merge_commit_title: Option<String>,
        #[serde(default)]
        pub squash_merge_commit_message: Option<String>,
        #[serde(default)]
        pub merge_commit_title: Option<String>,
        #[serde(default)]
        pub merge_commit_message: Option<String>,
        #[serde(default)]
        pub allow_forking: Option<bool>,
        #[serde(default)]
        pub web_commit_signoff_required: Option<bool>,
        pub subscribers_count: i64,
        pub network_count: i64,
        pub license: Option<::serde_json::Value>,
        #[serde(default)]
        pub organization: Option<SimpleUser>,
        pub forks: i64,
        #[serde(default)]
        pub master_branch: Option<String>,
        pub open_issues: i64,
        pub watchers: i64,
        #[serde(default)]
        pub anonymous_access_enabled: Option<bool>,
        #[serde(default)]
        pub code_of_conduct: Option<::serde_json::Value>,
        #[serde(default)]
        pub security_and_analysis: Option<::serde_json::Value>,
        #[serde(default)]
        pub custom_properties: Option<::serde_json::Value>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<String, ::serde_json::Value>,
    }
}

pub mod visitor {
    #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
    pub struct SimpleUser {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub email: Option<String>,
        pub login: String,
        pub id: i64,
        pub node_id: String,
        pub avatar_url: String,
        pub gravatar_id: Option<String>,
        pub url: String,
        pub html_url: String,
        pub followers_url: String,
        pub following_url: String,
        pub gists_url: String,
        pub starred_url: String,
        pub subscriptions_url: String,
        pub organizations_url: String,
        pub repos_url: String,
        pub events_url: String,
        pub received_events_url: String,
        #[serde(rename = "type")]
        pub r#type: String,
        pub site_admin: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub starred_at: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub user_view_type: Option<String>,
        #[serde(flatten)]
        pub extra: crate::runtime::Extra,
    }
    impl<'de> ::serde::Deserialize<'de> for SimpleUser {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            struct ModelVisitor;
            impl<'de> ::serde::de::Visitor<'de> for ModelVisitor {
                type Value = SimpleUser;
                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("a SimpleUser object")
                }
                fn visit_map<A: ::serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> ::std::result::Result<SimpleUser, A::Error> {
                    let mut f0: Option<String> = None;
                    let mut f1: Option<String> = None;
                    let mut f2: Option<String> = None;
                    let mut f3: Option<i64> = None;
                    let mut f4: Option<String> = None;
                    let mut f5: Option<String> = None;
                    let mut f6: Option<String> = None;
                    let mut f7: Option<String> = None;
                    let mut f8: Option<String> = None;
                    let mut f9: Option<String> = None;
                    let mut f10: Option<String> = None;
                    let mut f11: Option<String> = None;
                    let mut f12: Option<String> = None;
                    let mut f13: Option<String> = None;
                    let mut f14: Option<String> = None;
                    let mut f15: Option<String> = None;
                    let mut f16: Option<String> = None;
                    let mut f17: Option<String> = None;
                    let mut f18: Option<String> = None;
                    let mut f19: Option<bool> = None;
                    let mut f20: Option<String> = None;
                    let mut f21: Option<String> = None;
                    let mut extra = crate::runtime::Extra::new();
                    while let Some(key) =
                        ::serde::de::MapAccess::next_key::<crate::runtime::Key<'de>>(&mut map)?
                    {
                        match key.as_str() {
                            "name" => f0 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "email" => f1 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "login" => f2 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "id" => f3 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "node_id" => f4 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "avatar_url" => {
                                f5 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "gravatar_id" => f6 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "url" => f7 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "html_url" => f8 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "followers_url" => {
                                f9 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "following_url" => {
                                f10 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "gists_url" => {
                                f11 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "starred_url" => {
                                f12 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "subscriptions_url" => {
                                f13 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "organizations_url" => {
                                f14 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "repos_url" => {
                                f15 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "events_url" => {
                                f16 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "received_events_url" => {
                                f17 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "type" => f18 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "site_admin" => {
                                f19 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "starred_at" => f20 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "user_view_type" => f21 = ::serde::de::MapAccess::next_value(&mut map)?,
                            _ => extra.insert(
                                key.into_owned(),
                                ::serde::de::MapAccess::next_value(&mut map)?,
                            ),
                        }
                    }
                    Ok(SimpleUser {
                        name: f0,
                        email: f1,
                        login: f2.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("login")
                        })?,
                        id: f3
                            .ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field("id"))?,
                        node_id: f4.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("node_id")
                        })?,
                        avatar_url: f5.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("avatar_url")
                        })?,
                        gravatar_id: f6,
                        url: f7.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("url")
                        })?,
                        html_url: f8.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("html_url")
                        })?,
                        followers_url: f9.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("followers_url")
                        })?,
                        following_url: f10.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("following_url")
                        })?,
                        gists_url: f11.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("gists_url")
                        })?,
                        starred_url: f12.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("starred_url")
                        })?,
                        subscriptions_url: f13.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("subscriptions_url")
                        })?,
                        organizations_url: f14.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("organizations_url")
                        })?,
                        repos_url: f15.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("repos_url")
                        })?,
                        events_url: f16.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("events_url")
                        })?,
                        received_events_url: f17.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("received_events_url")
                        })?,
                        r#type: f18.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("type")
                        })?,
                        site_admin: f19.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("site_admin")
                        })?,
                        starred_at: f20,
                        user_view_type: f21,
                        extra,
                    })
                }
            }
            deserializer.deserialize_map(ModelVisitor)
        }
    }
    #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
    pub struct Repository {
        pub id: i64,
        pub node_id: String,
        pub name: String,
        pub full_name: String,
        pub owner: SimpleUser,
        pub private: bool,
        pub html_url: String,
        pub description: Option<String>,
        pub fork: bool,
        pub url: String,
        pub archive_url: String,
        pub assignees_url: String,
        pub blobs_url: String,
        pub branches_url: String,
        pub collaborators_url: String,
        pub comments_url: String,
        pub commits_url: String,
        pub compare_url: String,
        pub contents_url: String,
        pub contributors_url: String,
        pub deployments_url: String,
        pub downloads_url: String,
        pub events_url: String,
        pub forks_url: String,
        pub git_commits_url: String,
        pub git_refs_url: String,
        pub git_tags_url: String,
        pub git_url: String,
        pub issue_comment_url: String,
        pub issue_events_url: String,
        pub issues_url: String,
        pub keys_url: String,
        pub labels_url: String,
        pub languages_url: String,
        pub merges_url: String,
        pub milestones_url: String,
        pub notifications_url: String,
        pub pulls_url: String,
        pub releases_url: String,
        pub ssh_url: String,
        pub stargazers_url: String,
        pub statuses_url: String,
        pub subscribers_url: String,
        pub subscription_url: String,
        pub tags_url: String,
        pub teams_url: String,
        pub trees_url: String,
        pub clone_url: String,
        pub mirror_url: Option<String>,
        pub hooks_url: String,
        pub svn_url: String,
        pub homepage: Option<String>,
        pub language: Option<String>,
        pub forks_count: i64,
        pub stargazers_count: i64,
        pub watchers_count: i64,
        pub size: i64,
        pub default_branch: String,
        pub open_issues_count: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub is_template: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub topics: Option<Vec<String>>,
        pub has_issues: bool,
        pub has_projects: bool,
        pub has_wiki: bool,
        pub has_pages: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub has_downloads: Option<bool>,
        pub has_discussions: bool,
        pub archived: bool,
        pub disabled: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub visibility: Option<String>,
        pub pushed_at: String,
        pub created_at: String,
        pub updated_at: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub permissions: Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub allow_rebase_merge: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub temp_clone_token: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub allow_squash_merge: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub allow_auto_merge: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub delete_branch_on_merge: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub allow_merge_commit: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub allow_update_branch: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub use_squash_pr_title_as_default: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub squash_merge_commit_title: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub squash_merge_commit_message: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub merge_commit_title: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub merge_commit_message: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub allow_forking: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub web_commit_signoff_required: Option<bool>,
        pub subscribers_count: i64,
        pub network_count: i64,
        pub license: Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub organization: Option<SimpleUser>,
        pub forks: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub master_branch: Option<String>,
        pub open_issues: i64,
        pub watchers: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub anonymous_access_enabled: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub code_of_conduct: Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub security_and_analysis: Option<::serde_json::Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub custom_properties: Option<::serde_json::Value>,
        #[serde(flatten)]
        pub extra: crate::runtime::Extra,
    }
    impl<'de> ::serde::Deserialize<'de> for Repository {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            struct ModelVisitor;
            impl<'de> ::serde::de::Visitor<'de> for ModelVisitor {
                type Value = Repository;
                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("a Repository object")
                }
                fn visit_map<A: ::serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> ::std::result::Result<Repository, A::Error> {
                    let mut f0: Option<i64> = None;
                    let mut f1: Option<String> = None;
                    let mut f2: Option<String> = None;
                    let mut f3: Option<String> = None;
                    let mut f4: Option<SimpleUser> = None;
                    let mut f5: Option<bool> = None;
                    let mut f6: Option<String> = None;
                    let mut f7: Option<String> = None;
                    let mut f8: Option<bool> = None;
                    let mut f9: Option<String> = None;
                    let mut f10: Option<String> = None;
                    let mut f11: Option<String> = None;
                    let mut f12: Option<String> = None;
                    let mut f13: Option<String> = None;
                    let mut f14: Option<String> = None;
                    let mut f15: Option<String> = None;
                    let mut f16: Option<String> = None;
                    let mut f17: Option<String> = None;
                    let mut f18: Option<String> = None;
                    let mut f19: Option<String> = None;
                    let mut f20: Option<String> = None;
                    let mut f21: Option<String> = None;
                    let mut f22: Option<String> = None;
                    let mut f23: Option<String> = None;
                    let mut f24: Option<String> = None;
                    let mut f25: Option<String> = None;
                    let mut f26: Option<String> = None;
                    let mut f27: Option<String> = None;
                    let mut f28: Option<String> = None;
                    let mut f29: Option<String> = None;
                    let mut f30: Option<String> = None;
                    let mut f31: Option<String> = None;
                    let mut f32: Option<String> = None;
                    let mut f33: Option<String> = None;
                    let mut f34: Option<String> = None;
                    let mut f35: Option<String> = None;
                    let mut f36: Option<String> = None;
                    let mut f37: Option<String> = None;
                    let mut f38: Option<String> = None;
                    let mut f39: Option<String> = None;
                    let mut f40: Option<String> = None;
                    let mut f41: Option<String> = None;
                    let mut f42: Option<String> = None;
                    let mut f43: Option<String> = None;
                    let mut f44: Option<String> = None;
                    let mut f45: Option<String> = None;
                    let mut f46: Option<String> = None;
                    let mut f47: Option<String> = None;
                    let mut f48: Option<String> = None;
                    let mut f49: Option<String> = None;
                    let mut f50: Option<String> = None;
                    let mut f51: Option<String> = None;
                    let mut f52: Option<String> = None;
                    let mut f53: Option<i64> = None;
                    let mut f54: Option<i64> = None;
                    let mut f55: Option<i64> = None;
                    let mut f56: Option<i64> = None;
                    let mut f57: Option<String> = None;
                    let mut f58: Option<i64> = None;
                    let mut f59: Option<bool> = None;
                    let mut f60: Option<Vec<String>> = None;
                    let mut f61: Option<bool> = None;
                    let mut f62: Option<bool> = None;
                    let mut f63: Option<bool> = None;
                    let mut f64: Option<bool> = None;
                    let mut f65: Option<bool> = None;
                    let mut f66: Option<bool> = None;
                    let mut f67: Option<bool> = None;
                    let mut f68: Option<bool> = None;
                    let mut f69: Option<String> = None;
                    let mut f70: Option<String> = None;
                    let mut f71: Option<String> = None;
                    let mut f72: Option<String> = None;
                    let mut f73: Option<::serde_json::Value> = None;
                    let mut f74: Option<bool> = None;
                    let mut f75: Option<String> = None;
                    let mut f76: Option<bool> = None;
                    let mut f77: Option<bool> = None;
                    let mut f78: Option<bool> = None;
                    let mut f79: Option<bool> = None;
                    let mut f80: Option<bool> = None;
                    let mut f81: Option<bool> = None;
                    let mut f82: Option<String> = None;
                    let mut f83: Option<String> = None;
                    let mut f84: Option<String> = None;
                    let mut f85: Option<String> = None;
                    let mut f86: Option<bool> = None;
                    let mut f87: Option<bool> = None;
                    let mut f88: Option<i64> = None;
                    let mut f89: Option<i64> = None;
                    let mut f90: Option<::serde_json::Value> = None;
                    let mut f91: Option<SimpleUser> = None;
                    let mut f92: Option<i64> = None;
                    let mut f93: Option<String> = None;
                    let mut f94: Option<i64> = None;
                    let mut f95: Option<i64> = None;
                    let mut f96: Option<bool> = None;
                    let mut f97: Option<::serde_json::Value> = None;
                    let mut f98: Option<::serde_json::Value> = None;
                    let mut f99: Option<::serde_json::Value> = None;
                    let mut extra = crate::runtime::Extra::new();
                    while let Some(key) =
                        ::serde::de::MapAccess::next_key::<crate::runtime::Key<'de>>(&mut map)?
                    {
                        match key.as_str() {
                            "id" => f0 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "node_id" => f1 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "name" => f2 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "full_name" => f3 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "owner" => f4 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "private" => f5 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "html_url" => f6 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "description" => f7 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "fork" => f8 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "url" => f9 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "archive_url" => {
                                f10 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "assignees_url" => {
                                f11 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "blobs_url" => {
                                f12 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "branches_url" => {
                                f13 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "collaborators_url" => {
                                f14 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "comments_url" => {
                                f15 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "commits_url" => {
                                f16 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "compare_url" => {
                                f17 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "contents_url" => {
                                f18 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "contributors_url" => {
                                f19 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "deployments_url" => {
                                f20 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "downloads_url" => {
                                f21 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "events_url" => {
                                f22 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "forks_url" => {
                                f23 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "git_commits_url" => {
                                f24 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "git_refs_url" => {
                                f25 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "git_tags_url" => {
                                f26 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "git_url" => f27 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "issue_comment_url" => {
                                f28 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "issue_events_url" => {
                                f29 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "issues_url" => {
                                f30 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "keys_url" => f31 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "labels_url" => {
                                f32 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "languages_url" => {
                                f33 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "merges_url" => {
                                f34 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "milestones_url" => {
                                f35 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "notifications_url" => {
                                f36 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "pulls_url" => {
                                f37 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "releases_url" => {
                                f38 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "ssh_url" => f39 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "stargazers_url" => {
                                f40 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "statuses_url" => {
                                f41 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "subscribers_url" => {
                                f42 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "subscription_url" => {
                                f43 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "tags_url" => f44 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "teams_url" => {
                                f45 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "trees_url" => {
                                f46 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "clone_url" => {
                                f47 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "mirror_url" => f48 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "hooks_url" => {
                                f49 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "svn_url" => f50 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "homepage" => f51 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "language" => f52 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "forks_count" => {
                                f53 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "stargazers_count" => {
                                f54 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "watchers_count" => {
                                f55 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "size" => f56 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "default_branch" => {
                                f57 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "open_issues_count" => {
                                f58 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "is_template" => f59 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "topics" => f60 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "has_issues" => {
                                f61 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "has_projects" => {
                                f62 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "has_wiki" => f63 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "has_pages" => {
                                f64 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "has_downloads" => f65 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "has_discussions" => {
                                f66 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "archived" => f67 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "disabled" => f68 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "visibility" => f69 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "pushed_at" => {
                                f70 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "created_at" => {
                                f71 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "updated_at" => {
                                f72 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "permissions" => f73 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "allow_rebase_merge" => {
                                f74 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "temp_clone_token" => {
                                f75 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "allow_squash_merge" => {
                                f76 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "allow_auto_merge" => {
                                f77 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "delete_branch_on_merge" => {
                                f78 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "allow_merge_commit" => {
                                f79 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "allow_update_branch" => {
                                f80 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "use_squash_pr_title_as_default" => {
                                f81 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "squash_merge_commit_title" => {
                                f82 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "squash_merge_commit_message" => {
                                f83 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "merge_commit_title" => {
                                f84 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "merge_commit_message" => {
                                f85 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "allow_forking" => f86 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "web_commit_signoff_required" => {
                                f87 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "subscribers_count" => {
                                f88 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "network_count" => {
                                f89 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "license" => f90 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "organization" => f91 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "forks" => f92 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "master_branch" => f93 = ::serde::de::MapAccess::next_value(&mut map)?,
                            "open_issues" => {
                                f94 = Some(::serde::de::MapAccess::next_value(&mut map)?)
                            }
                            "watchers" => f95 = Some(::serde::de::MapAccess::next_value(&mut map)?),
                            "anonymous_access_enabled" => {
                                f96 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "code_of_conduct" => {
                                f97 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "security_and_analysis" => {
                                f98 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            "custom_properties" => {
                                f99 = ::serde::de::MapAccess::next_value(&mut map)?
                            }
                            _ => extra.insert(
                                key.into_owned(),
                                ::serde::de::MapAccess::next_value(&mut map)?,
                            ),
                        }
                    }
                    Ok(Repository {
                        id: f0
                            .ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field("id"))?,
                        node_id: f1.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("node_id")
                        })?,
                        name: f2.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("name")
                        })?,
                        full_name: f3.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("full_name")
                        })?,
                        owner: f4.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("owner")
                        })?,
                        private: f5.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("private")
                        })?,
                        html_url: f6.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("html_url")
                        })?,
                        description: f7,
                        fork: f8.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("fork")
                        })?,
                        url: f9.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("url")
                        })?,
                        archive_url: f10.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("archive_url")
                        })?,
                        assignees_url: f11.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("assignees_url")
                        })?,
                        blobs_url: f12.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("blobs_url")
                        })?,
                        branches_url: f13.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("branches_url")
                        })?,
                        collaborators_url: f14.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("collaborators_url")
                        })?,
                        comments_url: f15.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("comments_url")
                        })?,
                        commits_url: f16.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("commits_url")
                        })?,
                        compare_url: f17.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("compare_url")
                        })?,
                        contents_url: f18.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("contents_url")
                        })?,
                        contributors_url: f19.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("contributors_url")
                        })?,
                        deployments_url: f20.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("deployments_url")
                        })?,
                        downloads_url: f21.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("downloads_url")
                        })?,
                        events_url: f22.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("events_url")
                        })?,
                        forks_url: f23.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("forks_url")
                        })?,
                        git_commits_url: f24.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("git_commits_url")
                        })?,
                        git_refs_url: f25.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("git_refs_url")
                        })?,
                        git_tags_url: f26.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("git_tags_url")
                        })?,
                        git_url: f27.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("git_url")
                        })?,
                        issue_comment_url: f28.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("issue_comment_url")
                        })?,
                        issue_events_url: f29.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("issue_events_url")
                        })?,
                        issues_url: f30.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("issues_url")
                        })?,
                        keys_url: f31.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("keys_url")
                        })?,
                        labels_url: f32.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("labels_url")
                        })?,
                        languages_url: f33.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("languages_url")
                        })?,
                        merges_url: f34.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("merges_url")
                        })?,
                        milestones_url: f35.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("milestones_url")
                        })?,
                        notifications_url: f36.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("notifications_url")
                        })?,
                        pulls_url: f37.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("pulls_url")
                        })?,
                        releases_url: f38.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("releases_url")
                        })?,
                        ssh_url: f39.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("ssh_url")
                        })?,
                        stargazers_url: f40.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("stargazers_url")
                        })?,
                        statuses_url: f41.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("statuses_url")
                        })?,
                        subscribers_url: f42.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("subscribers_url")
                        })?,
                        subscription_url: f43.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("subscription_url")
                        })?,
                        tags_url: f44.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("tags_url")
                        })?,
                        teams_url: f45.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("teams_url")
                        })?,
                        trees_url: f46.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("trees_url")
                        })?,
                        clone_url: f47.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("clone_url")
                        })?,
                        mirror_url: f48,
                        hooks_url: f49.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("hooks_url")
                        })?,
                        svn_url: f50.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("svn_url")
                        })?,
                        homepage: f51,
                        language: f52,
                        forks_count: f53.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("forks_count")
                        })?,
                        stargazers_count: f54.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("stargazers_count")
                        })?,
                        watchers_count: f55.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("watchers_count")
                        })?,
                        size: f56.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("size")
                        })?,
                        default_branch: f57.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("default_branch")
                        })?,
                        open_issues_count: f58.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("open_issues_count")
                        })?,
                        is_template: f59,
                        topics: f60,
                        has_issues: f61.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("has_issues")
                        })?,
                        has_projects: f62.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("has_projects")
                        })?,
                        has_wiki: f63.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("has_wiki")
                        })?,
                        has_pages: f64.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("has_pages")
                        })?,
                        has_downloads: f65,
                        has_discussions: f66.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("has_discussions")
                        })?,
                        archived: f67.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("archived")
                        })?,
                        disabled: f68.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("disabled")
                        })?,
                        visibility: f69,
                        pushed_at: f70.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("pushed_at")
                        })?,
                        created_at: f71.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("created_at")
                        })?,
                        updated_at: f72.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("updated_at")
                        })?,
                        permissions: f73,
                        allow_rebase_merge: f74,
                        temp_clone_token: f75,
                        allow_squash_merge: f76,
                        allow_auto_merge: f77,
                        delete_branch_on_merge: f78,
                        allow_merge_commit: f79,
                        allow_update_branch: f80,
                        use_squash_pr_title_as_default: f81,
                        squash_merge_commit_title: f82,
                        squash_merge_commit_message: f83,
                        merge_commit_title: f84,
                        merge_commit_message: f85,
                        allow_forking: f86,
                        web_commit_signoff_required: f87,
                        subscribers_count: f88.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("subscribers_count")
                        })?,
                        network_count: f89.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("network_count")
                        })?,
                        license: f90,
                        organization: f91,
                        forks: f92.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("forks")
                        })?,
                        master_branch: f93,
                        open_issues: f94.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("open_issues")
                        })?,
                        watchers: f95.ok_or_else(|| {
                            <A::Error as ::serde::de::Error>::missing_field("watchers")
                        })?,
                        anonymous_access_enabled: f96,
                        code_of_conduct: f97,
                        security_and_analysis: f98,
                        custom_properties: f99,
                        extra,
                    })
                }
            }
            deserializer.deserialize_map(ModelVisitor)
        }
    }
}
