#!/bin/sh
# Runs the adoption sync for any scheduler (cron, systemd timer, Jenkins, Windows Task Scheduler via WSL).
# It logs in non-interactively when it can, then writes the snapshots into the org.
#
#   SYNC_ORG_ALIAS   sf CLI alias to use (default adoption)
#   SFDX_AUTH_URL_FILE          file holding an sfdx auth URL (force://…)   } one of these two logins, or an
#   SF_JWT_KEY_FILE + SF_CLIENT_ID + SF_USERNAME  (+ SF_LOGIN_URL)           } alias already logged in
#   SYNC_ARGS        extra flags, e.g. "--period Day" (or "--aggregates-out /var/reports/aggregates.json":
#                    per object and team, no person)
#
# Nothing personal goes to the log: the run's result names people (engagement, last login), so it is
# discarded here; the figures are in the org as snapshots. Pass --out in SYNC_ARGS only to a folder whose
# readers may see every user's figures.
#
# Example crontab line (every day at 04:30), from the project folder:
#   30 4 * * * cd /opt/adoption-cockpit && SFDX_AUTH_URL_FILE=/etc/adoption/auth-url ./scripts/sync/run-scheduled-sync.sh >> /var/log/adoption-sync.log 2>&1
#
# Exit codes: 0 done, 1 some snapshot records were refused (listed in the log), 2 bad input or login,
# 3 Salesforce or the network kept failing after the retries (rerun later).
set -eu

cd "$(dirname "$0")/../.."
ALIAS="${SYNC_ORG_ALIAS:-adoption}"
export SF_DISABLE_TELEMETRY=true

if [ -n "${SFDX_AUTH_URL_FILE:-}" ]; then
  sf org login sfdx-url --sfdx-url-file "$SFDX_AUTH_URL_FILE" --alias "$ALIAS" >/dev/null
elif [ -n "${SF_JWT_KEY_FILE:-}" ]; then
  : "${SF_CLIENT_ID:?SF_CLIENT_ID is needed with SF_JWT_KEY_FILE}"
  : "${SF_USERNAME:?SF_USERNAME is needed with SF_JWT_KEY_FILE}"
  sf org login jwt --client-id "$SF_CLIENT_ID" --jwt-key-file "$SF_JWT_KEY_FILE" \
    --username "$SF_USERNAME" --instance-url "${SF_LOGIN_URL:-https://login.salesforce.com}" --alias "$ALIAS" >/dev/null
fi

echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) adoption sync: org $ALIAS"
# shellcheck disable=SC2086 # SYNC_ARGS is a list of flags
exec npm run --silent sync -- --target-org "$ALIAS" --write --json ${SYNC_ARGS:-} >/dev/null
