#!/usr/bin/env bash
# Proves the supported versions by running the tests on each of them.
#   default     Spring Boot 4.1, client_java 1.10.0, Java 17: the whole build, every module.
#   boot-3.5, client-1.3, client-1.4, client-1.7
#               the auto-configuration module's whole test suite on that version, against the
#               main classes compiled by the default build (-Dmaven.main.skip): one jar, as shipped,
#               run on each version.
#   jetty       the auto-configuration module's whole test suite on Jetty 12.1 instead of Tomcat,
#               against the main classes compiled by the default build, like the version profiles.
#   java-25     the auto-configuration module compiled (javac 25, -Xlint:all -Werror) and tested on
#               a JDK 25: $JAVA25_HOME, or else the one JDK 25 found in /usr/lib/jvm.
# Usage: .ci/compat.sh [profile...]   (default: all). Exit status 1 if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."

profiles=("$@")
if [ ${#profiles[@]} -eq 0 ]; then
	profiles=(default boot-3.5 client-1.3 client-1.4 client-1.7 jetty java-25)
fi

# The JDK of the java-25 profile, found before any build runs.
java25_home() {
	local javac
	for javac in /usr/lib/jvm/*/bin/javac; do
		if [ -x "$javac" ] && "$javac" -version 2>&1 | grep -q '^javac 25\b'; then
			dirname "$(dirname "$javac")"
			return 0
		fi
	done
	return 1
}
for profile in "${profiles[@]}"; do
	if [ "$profile" = java-25 ] && [ -z "${JAVA25_HOME:-}" ]; then
		if ! JAVA25_HOME=$(java25_home); then
			echo "java-25: no JDK 25 found; install one in /usr/lib/jvm (e.g. temurin-25-jdk)," \
				"or set JAVA25_HOME to its folder" >&2
			exit 1
		fi
		export JAVA25_HOME
	elif [ "$profile" = java-25 ] && ! "$JAVA25_HOME/bin/javac" -version 2>&1 | grep -q '^javac 25\b'; then
		echo "java-25: JAVA25_HOME=$JAVA25_HOME is not a JDK 25 ($("$JAVA25_HOME/bin/javac" -version 2>&1 || true))" >&2
		exit 1
	fi
done

# The flood test and the load test of the separate port check our own bounds, whatever the
# versions: the default build runs them, and the jetty profile, as they check the container's
# side too.
skip_flood=-Dextra-test-exclude=**/PathFloodIntegrationTests.java,**/SeparatePortUnderLoadIntegrationTests.java
# The fuzzed requests (jqwik) run 1,000 tries per property in the default build and on Jetty, where
# the container answers differ; 250 on each further version.
fewer_tries=-Djqwik.tries.default=250
logs=target/compat
mkdir -p "$logs"
failed=0
summary=()
start_all=$(date +%s)
for profile in "${profiles[@]}"; do
	start=$(date +%s)
	# Test classes are compiled against each version's own API.
	rm -rf autoconfigure/target/surefire-reports autoconfigure/target/test-classes
	case "$profile" in
	default) args=(-q verify) ;;
	java-25) args=(-q verify -P"$profile" -pl autoconfigure "$skip_flood" "$fewer_tries") ;;
	jetty) args=(-q verify -P"$profile" -pl autoconfigure -Dmaven.main.skip=true) ;;
	*) args=(-q verify -P"$profile" -pl autoconfigure -Dmaven.main.skip=true "$skip_flood" "$fewer_tries") ;;
	esac
	if [ "$profile" = java-25 ]; then
		# Recompile the main classes with javac 25 and its lints.
		rm -rf autoconfigure/target/classes
	elif [ "$profile" != default ]; then
		# The main classes of the default build (Spring Boot 4.1, client_java 1.10.0).
		./mvnw -q compile -pl autoconfigure >"$logs/$profile.compile.log" 2>&1 || true
	fi
	if ./mvnw "${args[@]}" >"$logs/$profile.log" 2>&1; then
		result=PASS
	else
		result=FAIL
		failed=1
	fi
	tests=$(cat autoconfigure/target/surefire-reports/*.txt 2>/dev/null |
		grep -o 'Tests run: [0-9]*, Failures: [0-9]*, Errors: [0-9]*, Skipped: [0-9]*' |
		awk -F'[:,] *' '{r+=$2; f+=$4; e+=$6; s+=$8} END {printf "%d tests, %d failed, %d errors, %d skipped", r, f, e, s}')
	line=$(printf '%-11s %s %5ss  %s' "$profile" "$result" "$(($(date +%s) - start))" "$tests")
	summary+=("$line")
	echo "$line"
	if [ "$result" = FAIL ]; then
		grep -E '^\[ERROR\]' "$logs/$profile.log" | cut -c1-300 | head -n 20
	fi
done
# Leave no test classes compiled against another version for the next build.
rm -rf autoconfigure/target/test-classes
echo "---- compatibility summary ($(($(date +%s) - start_all))s in all; logs in $logs/)"
printf '%s\n' "${summary[@]}"
exit $failed
