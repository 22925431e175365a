#!/usr/bin/env bash
# Checks what the release build staged: run after
#   ./mvnw -B -ntp -Prelease -DskipTests verify
# which stages the published modules in target/staging-deploy, in the layout of a Maven repository.
# For each published module, what Maven Central requires:
#   prometheus-web-parent (pom)          the pom
#   prometheus-web-spring-boot-*  (jar)  the jar, -sources.jar, -javadoc.jar and the pom
# each with its .md5 and .sha1 (and a .asc signature on every file once any is signed), and a pom
# with groupId, artifactId, version, name, description, url, licenses, developers and scm, with no
# property left unresolved. Nothing else may be staged (the sample app and the benchmarks are not
# published). Exit status 1 on the first module that lacks something.
# Usage: .ci/release-check.sh [staging directory]
set -euo pipefail
# The staging directory as given, before the cd to the repository.
staging=$(realpath -m "${1:-$(dirname "$0")/../target/staging-deploy}")
cd "$(dirname "$0")/.."

group_path=io/github/prometheusweb
published=(prometheus-web-parent:pom prometheus-web-spring-boot-autoconfigure:jar prometheus-web-spring-boot-starter:jar)

fail() {
	echo "release-check: FAILED: $*" >&2
	exit 1
}

command -v xmllint >/dev/null 2>&1 || fail "xmllint is missing: install the Debian package libxml2-utils"

# The text of a POM element, by a path of element names from the project: xpath project url.
pom_text() {
	local file=$1 path="/*[local-name()='project']"
	shift
	for name in "$@"; do
		path+="/*[local-name()='$name']"
	done
	xmllint --xpath "normalize-space(string($path))" "$file" 2>/dev/null || true
}

version=$(pom_text pom.xml version)
[ -n "$version" ] || fail "no version in pom.xml"
[ -d "$staging/$group_path" ] || fail "$staging/$group_path is missing: run ./mvnw -B -ntp -Prelease -DskipTests verify first"

signed=false
if [ -n "$(find "$staging/$group_path" -name '*.asc' -print -quit)" ]; then
	signed=true
fi

# Only the published modules.
expected=$(printf '%s\n' "${published[@]%%:*}" | sort)
actual=$(find "$staging/$group_path" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
[ "$actual" = "$expected" ] || fail "staged modules are [$(echo $actual)], expected [$(echo $expected)]"

for module in "${published[@]}"; do
	artifact=${module%%:*}
	packaging=${module##*:}
	dir=$staging/$group_path/$artifact/$version
	[ -d "$dir" ] || fail "$dir is missing"
	# A snapshot is staged under a timestamped name, given by its maven-metadata.xml.
	file_version=$version
	if [[ "$version" == *-SNAPSHOT ]]; then
		file_version=$(xmllint --xpath "string(//*[local-name()='snapshotVersion'][*[local-name()='extension']='pom']/*[local-name()='value'])" "$dir/maven-metadata.xml")
		[ -n "$file_version" ] || fail "$dir/maven-metadata.xml names no snapshot"
	fi
	base=$dir/$artifact-$file_version

	files=("$base.pom")
	if [ "$packaging" = jar ]; then
		files+=("$base.jar" "$base-sources.jar" "$base-javadoc.jar")
	fi
	names=()
	for file in "${files[@]}"; do
		[ -s "$file" ] || fail "$artifact: $(basename "$file") is missing or empty"
		for sum in md5 sha1; do
			[ -s "$file.$sum" ] || fail "$artifact: $(basename "$file").$sum is missing"
			[ "$(${sum}sum "$file" | cut -d' ' -f1)" = "$(tr -d ' \n' <"$file.$sum")" ] ||
				fail "$artifact: $(basename "$file").$sum does not match"
		done
		if $signed; then
			[ -s "$file.asc" ] || fail "$artifact: $(basename "$file").asc is missing"
		fi
		names+=("${file#"$base"}")
	done

	# What each jar holds.
	if [ "$packaging" = jar ]; then
		jar tf "$base-sources.jar" | grep -qE '\.java$|README\.txt$' || fail "$artifact: no sources (nor README.txt) in the sources jar"
		jar tf "$base-javadoc.jar" | grep -qE '^index\.html$|README\.txt$' || fail "$artifact: no index.html (nor README.txt) in the javadoc jar"
		if jar tf "$base-sources.jar" | grep -q '\.java$'; then
			jar tf "$base.jar" | grep -q '\.class$' || fail "$artifact: sources but no classes in the jar"
			jar tf "$base-javadoc.jar" | grep -qx 'index.html' || fail "$artifact: sources but no Javadoc"
		fi
	fi

	# The pom Central gets.
	pom=$base.pom
	for path in groupId artifactId version name description url "licenses license name" "licenses license url" \
		"developers developer name" "scm url" "scm connection"; do
		# shellcheck disable=SC2086
		value=$(pom_text "$pom" $path)
		if [ -z "$value" ] && [ "$path" = groupId ]; then
			value=$(pom_text "$pom" parent groupId)
		fi
		[ -n "$value" ] || fail "$artifact: no <${path// //}> in $(basename "$pom")"
		[[ "$value" != *'${'* ]] || fail "$artifact: <${path// //}> is unresolved: $value"
	done
	[ "$(pom_text "$pom" artifactId)" = "$artifact" ] || fail "$artifact: wrong artifactId in $(basename "$pom")"
	if [ "$packaging" = jar ]; then
		# A jar module's pom is flattened: nothing left for the consumer to resolve.
		! grep -q '\${' "$pom" || fail "$artifact: unresolved property in $(basename "$pom"): $(grep -m1 '\${' "$pom")"
	fi
	printf 'release-check: %-42s %s  %s; pom has name, description, url, licenses, developers, scm\n' \
		"$artifact" "$version" "$(echo "${names[@]}")"
done

if $signed; then
	echo "release-check: every file signed (.asc)"
else
	echo "release-check: not signed (no gpg.keyname given); a release is signed: see RELEASING.md"
fi
echo "release-check: OK: ${#published[@]} published modules staged in $staging, nothing else"
