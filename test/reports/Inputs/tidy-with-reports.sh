#!/bin/sh
# run-clang-tidy passes on only the options it knows: this wrapper, given as
# its -clang-tidy-binary, adds async-tidy's report options, except to the
# -list-checks run with which run-clang-tidy starts (which analyses nothing).
case " $* " in
*" -list-checks "*) exec "$ASYNC_TIDY" "$@" ;;
esac
exec "$ASYNC_TIDY" --sarif-root="$REPORT_ROOT" --sarif="$REPORT_SARIF" \
  --write-baseline="$REPORT_BASELINE" "$@"
