# The report's frame: statuses, verdicts, sections (core/src/report.rs).
status-pass = pass
status-warn = warning
status-fail = fail
status-unknown = unknown
status-info = info
verdict-fail = Problems found: { $count } to fix.
verdict-warn = No blocking problem, but { $count ->
    [one] { $count } warning.
   *[other] { $count } warnings.
}
verdict-unknown = Some checks could not be completed ({ $count }); the verdict is not final.
verdict-pass = { $count ->
    [one] The one check that ran passes.
   *[other] All { $count } checks that ran pass.
}
verdict-facts-only = No requirement could be checked yet: only informational results so far.
report-heading-facts = DNS facts
report-heading-queries = Query log ({ $count ->
    [one] { $count } query
   *[other] { $count } queries
})
report-heading-checks = Checks
report-query-columns = name, type, resolver, outcome, time
check-unknown-reason = Could not be determined: { $reason }. This is not a pass and not a failure; try again, or use another resolver.
lookup-error-servfail = the resolver answered SERVFAIL — it could not get an answer from the name servers (often a refusing or broken name server)
lookup-error-refused = the resolver refused the query (REFUSED)
lookup-error-rcode = the resolver answered with error code { $rcode }
lookup-error-timeout = no answer within { $seconds } s
lookup-error-rate-limited = the resolver is rate-limiting us (HTTP 429; retry after { $seconds } s)
lookup-error-http = the resolver answered HTTP { $status }
lookup-error-malformed = the resolver's answer could not be read ({ $detail })
lookup-error-transport = the resolver could not be reached ({ $detail })
