# Exports of a report (core/src/render/): the Markdown document, and the CLI's
# progress line and colour option.
export-title = Mail deliverability report for { $domain }
export-verdict-fail = Your mail is likely to be rejected or sent to spam.
export-verdict-warn = Your mail should be delivered, but some receivers may be suspicious.
export-verdict-unknown = Not finished: some checks could not be determined.
export-verdict-pass = Everything we could check looks right.
export-verdict-info = Only DNS facts so far.
export-counts = { $fail } failed · { $warn ->
    [one] { $warn } warning
   *[other] { $warn } warnings
} · { $unknown } undetermined · { $pass } passed
export-input-domain = Domain: { $domain }
export-input-ips = Sending IPs: { $ips }
export-input-host = Mail server: { $host }
export-input-selectors = DKIM selectors: { $selectors }
export-input-helo = HELO name: { $helo }
export-fix-all-heading = Fix everything
export-fix-all-intro = Every record to add or change, from every check that did not pass, in one zone-file snippet. The lines starting with ; say where each group goes.
export-fix-all-count = { $count ->
    [one] { $count } record.
   *[other] { $count } records.
} { $place }
export-group-server = Sending server
export-group-domain = Domain authentication
export-group-providers = Provider checklists
export-group-extras = Extras
export-passed = Passed and informational
export-found = What we found
export-why = Why it matters
export-fix = How to fix
export-records = Records to publish.
export-record-replaces = This replaces the existing record: change it, do not add a second one.
export-references = References
export-queries-heading = Query log
export-queries-summary = { $count ->
    [one] { $count } DNS query
   *[other] { $count } DNS queries
} through { $resolvers }; the run took { $ms } ms.
export-queries-outcomes = Answers with records: { $records } · no record of the type (NODATA): { $nodata } · name does not exist (NXDOMAIN): { $nxdomain } · failed: { $errors }
export-queries-failed = Queries that failed (the checks that needed them are undetermined, not passed):
export-footer = Made with Inboxable (report schema { $schema }). The checks run over DNS only; what needs a connection to port 25 is not tested.
cli-progress = Checking… { $checks ->
    [one] { $checks } check
   *[other] { $checks } checks
} done, { $queries ->
    [one] { $queries } DNS query
   *[other] { $queries } DNS queries
}
cli-progress-done = Done: { $checks ->
    [one] { $checks } check
   *[other] { $checks } checks
}, { $queries ->
    [one] { $queries } DNS query
   *[other] { $queries } DNS queries
} in { $ms } ms.
