#!/usr/bin/env bash
# Keeps docs/slides.md, the slide-by-slide map of the decks, true to the lessons:
#   - every lesson it links ([NN §K](NN-slug.md)) has its folder lessons/NN_*, its docs page, and for
#     each section K (a range "§1–3" names 1, 2 and 3) a heading "== K. " in its expected.txt;
#   - every row of a deck's table has a status (reproduced, explained, concept, not covered or —), and
#     a "not covered" row gives its reason in the last column;
#   - the summary table (between <!-- summary --> and <!-- end summary -->) counts the rows of each
#     deck's table (between <!-- deck NAME --> and <!-- end deck -->), and its "all" row adds them up;
#   - the README links the page;
#   - the lessons' headings cite slides by number as the tables do: in every "== K. ... ==" line of a
#     lesson's expected.txt, each deck's short name is followed by " slide N" or " slides N–M" (also
#     "slides 31–32 and 36", "slides 20, 31"), and optionally by ", \"TITLE\"". Every slide cited has
#     a row in that deck's table; a quoted title is its title or the title's beginning up to a word's
#     end ("So far" for "So far,"); and one of its rows links the lesson's section K (or the whole
#     lesson), except for a slide strictly inside a cited range whose rows are all "—" (a build or a
#     figure). In "DECK1 slide N and DECK2 slide M, \"TITLE\"" the title is checked against both. A
#     deck named without a slide number fails.
# It reads only the repository (not the decks themselves, which are not in it).
#   slides_map.sh ROOT      fail, naming the line and the slide, for every mismatch (a CTest test)
set -u
root=$1
map=$root/docs/slides.md
[[ -f $map ]] || { echo "docs/slides.md is missing"; exit 1; }
status=0 rows=0 refs=0
fail() { echo "docs/slides.md:$1"; status=1; }

# The sections of lesson NN, from its expected.txt headings "== K. title ==", in sections[NN]
# (" 1 2 3 ", or "none" when there is no such lesson).
declare -A sections
lesson_sections() {
    local nn=$1 dir
    if [[ -z ${sections[$nn]+set} ]]; then
        dir=$(compgen -G "$root/lessons/${nn}_*/" | head -1)
        if [[ -z $dir || ! -f $dir/expected.txt ]]; then
            sections[$nn]=none
        else
            sections[$nn]=" $(sed -nE 's/^== ([0-9]+)\. .*/\1/p' "$dir/expected.txt" | xargs) "
        fi
    fi
}

# check_ref LINE WHERE TEXT TARGET: one link [TEXT](TARGET) of a row.
check_ref() {
    local line=$1 where=$2 text=$3 target=$4 nn have part a b k
    refs=$((refs + 1))
    if [[ ! $text =~ ^([0-9][0-9])(\ §.*)?$ ]]; then
        [[ $text == docs/[0-9][0-9] && -f $root/docs/$target ]] && return 0
        fail "$line ($where): the link [$text]($target) is not of the form [NN §K](NN-slug.md)"
        return
    fi
    nn=${BASH_REMATCH[1]}
    [[ $target =~ ^${nn}-[a-z0-9-]+\.md$ && -f $root/docs/$target ]] ||
        fail "$line ($where): [$text] links $target, which is not lesson $nn's page in docs/"
    lesson_sections "$nn"
    have=${sections[$nn]}
    if [[ $have == none ]]; then
        fail "$line ($where): there is no lesson $nn (no lessons/${nn}_*/expected.txt)"
        return
    fi
    # "§1–2, §5" -> the sections 1 2 5
    local list=${text:2}
    list=${list//§/} list=${list//,/ }
    for part in $list; do
        if [[ $part =~ ^([0-9]+)(–([0-9]+))?$ ]]; then
            a=${BASH_REMATCH[1]} b=${BASH_REMATCH[3]:-${BASH_REMATCH[1]}}
            for ((k = a; k <= b; k++)); do
                [[ $have == *" $k "* ]] ||
                    fail "$line ($where): lesson $nn has no section $k (its expected.txt has the sections${have% })"
            done
        else
            fail "$line ($where): cannot read the section \"$part\" of [$text]"
        fi
    done
}

# link_sections TEXT: the sections a link [TEXT](...) names, as "NN:K" words ("NN:*" for a whole lesson).
link_sections() {
    local text=$1 nn list part a b k out=""
    [[ $text =~ ^([0-9][0-9])(\ §(.*))?$ ]] || return 0
    nn=${BASH_REMATCH[1]}
    if [[ -z ${BASH_REMATCH[2]} ]]; then
        echo "$nn:*"
        return 0
    fi
    list=${BASH_REMATCH[3]}
    list=${list//§/} list=${list//,/ }
    for part in $list; do
        if [[ $part =~ ^([0-9]+)(–([0-9]+))?$ ]]; then
            a=${BASH_REMATCH[1]} b=${BASH_REMATCH[3]:-${BASH_REMATCH[1]}}
            for ((k = a; k <= b; k++)); do out+=" $nn:$k"; done
        fi
    done
    echo "$out"
}

link='\[([^]]*)\]\(([^)]*)\)(.*)$'  # [text](target) rest
declare -A slide_title slide_sections slide_live
declare -A counted summary
deck="" n=0 seen_summary=0 in_summary=0
declare -a decks=()
while IFS= read -r text; do
    n=$((n + 1))
    case $text in
        '<!-- summary -->') in_summary=1 seen_summary=1; continue ;;
        '<!-- end summary -->') in_summary=0; continue ;;
        '<!-- end deck -->') deck=""; continue ;;
        '<!-- deck '*' -->')
            deck=${text#<!-- deck }; deck=${deck% -->}
            decks+=("$deck")
            for s in reproduced explained concept "not covered"; do counted[$deck/$s]=0; done
            continue ;;
    esac
    [[ $text == '| '* ]] || continue
    [[ $text == '|---'* || $text == '| # |'* || $text == '| deck |'* ]] && continue
    IFS='|' read -r -a cells <<<"${text#|}"
    for i in "${!cells[@]}"; do  # trim the blanks around each cell
        c=${cells[i]}
        c=${c#"${c%%[! ]*}"}
        cells[i]=${c%"${c##*[! ]}"}
    done
    if [[ $in_summary == 1 ]]; then
        summary[${cells[0]}]="${cells[*]:1:5}"
        continue
    fi
    [[ -n $deck ]] || continue
    rows=$((rows + 1))
    where="$deck #${cells[0]} ${cells[1]}"
    if [[ ${#cells[@]} -ne 6 ]]; then
        fail "$n ($where): ${#cells[@]} columns, not 6 (#, title, slide, lesson §, status, note)"
        continue
    fi
    st=${cells[4]}
    case $st in
        reproduced | explained | concept) counted[$deck/$st]=$((counted[$deck/$st] + 1)) ;;
        "not covered")
            counted[$deck/$st]=$((counted[$deck/$st] + 1))
            [[ -n ${cells[5]} ]] || fail "$n ($where): \"not covered\" without a reason in the last column" ;;
        —) ;;
        *) fail "$n ($where): status \"$st\" is none of reproduced, explained, concept, not covered, —" ;;
    esac
    if [[ ($st == reproduced || $st == explained || $st == concept) && ${cells[3]} != *\]\(* ]]; then
        fail "$n ($where): status $st but no lesson § linked"
    fi
    # The links of the lesson column: [text](target)
    rest=${cells[3]} row_sections=""
    while [[ $rest =~ $link ]]; do
        ref_text=${BASH_REMATCH[1]} ref_target=${BASH_REMATCH[2]} rest=${BASH_REMATCH[3]}
        check_ref "$n" "$where" "$ref_text" "$ref_target"
        row_sections+=" $(link_sections "$ref_text")"
    done
    # What the headings' check needs, per slide: its title, the sections its rows link, and
    # whether one of its rows has a status other than "—".
    if [[ ${cells[0]} =~ ^([0-9]+)(–([0-9]+))?$ ]]; then
        a=${BASH_REMATCH[1]} b=${BASH_REMATCH[3]:-${BASH_REMATCH[1]}}
        for ((k = a; k <= b; k++)); do
            [[ -n ${slide_title[$deck/$k]+set} ]] || slide_title[$deck/$k]=${cells[1]}
            slide_sections[$deck/$k]+="$row_sections "
            [[ $st == — ]] || slide_live[$deck/$k]=1
        done
    else
        fail "$n ($where): the slide number \"${cells[0]}\" is not N or N–M"
    fi
done <"$map"

[[ $seen_summary == 1 ]] || fail "1: no <!-- summary --> table"
[[ ${#decks[@]} -gt 0 ]] || fail "1: no <!-- deck NAME --> tables"
all=(0 0 0 0 0)
for deck in "${decks[@]}"; do
    c=("${counted[$deck/reproduced]}" "${counted[$deck/explained]}" "${counted[$deck/concept]}" "${counted[$deck/not covered]}")
    want="$((c[0] + c[1] + c[2] + c[3])) ${c[*]}"
    read -r -a w <<<"$want"
    for i in 0 1 2 3 4; do all[i]=$((all[i] + w[i])); done
    if [[ -z ${summary[$deck]+set} ]]; then
        fail "summary: no row for the deck $deck"
    elif [[ ${summary[$deck]} != "$want" ]]; then
        fail "summary: the row of $deck says (items reproduced explained concept not-covered) ${summary[$deck]}; its table's rows count $want"
    fi
    unset "summary[$deck]"
done
if [[ -z ${summary[all]+set} ]]; then
    fail "summary: no \"all\" row"
elif [[ ${summary[all]} != "${all[*]}" ]]; then
    fail "summary: the \"all\" row says ${summary[all]}; the decks add up to ${all[*]}"
fi
unset "summary[all]"
for extra in "${!summary[@]}"; do fail "summary: a row for $extra, which has no deck table"; done
# The lessons' headings: every slide they cite, by number, is in the tables (see the top).
deck_names=$(printf '%s|' "${decks[@]}")
deck_re="(${deck_names%|})(.*)$"
nums_re='^ slides? ([0-9]+(–[0-9]+)?((, | and )[0-9]+(–[0-9]+)?)*)(.*)$'
cited=0
# check_citation WHERE NN K DECK NUMS [TITLE]: one citation of a heading.
check_citation() {
    local where=$1 nn=$2 k=$3 deck=$4 nums=$5 title=${6-} part a b s have
    nums=${nums//, / } nums=${nums// and / }
    for part in $nums; do
        [[ $part =~ ^([0-9]+)(–([0-9]+))?$ ]] || { echo "$where: cannot read the slides \"$part\""; status=1; continue; }
        a=${BASH_REMATCH[1]} b=${BASH_REMATCH[3]:-${BASH_REMATCH[1]}}
        ((a <= b)) || { echo "$where: \"$deck slides $part\" is not a range"; status=1; }
        for ((s = a; s <= b; s++)); do
            cited=$((cited + 1))
            if [[ -z ${slide_title[$deck/$s]+set} ]]; then
                echo "$where: $deck slide $s: docs/slides.md's $deck table has no slide $s"
                status=1
                continue
            fi
            have=${slide_title[$deck/$s]}
            if [[ -n $title && $have != "$title" && ! ($have == "$title"* && ${have:${#title}:1} =~ [^[:alnum:]]) ]]; then
                echo "$where: $deck slide $s is \"$have\" in docs/slides.md, not \"$title\""
                status=1
            fi
            # A slide inside a range may be a build or a figure ("—" rows only); the others must
            # be given to this section.
            if [[ ${slide_sections[$deck/$s]} != *" $nn:$k "* && ${slide_sections[$deck/$s]} != *" $nn:* "* &&
                (-n ${slide_live[$deck/$s]+set} || $s == "$a" || $s == "$b") ]]; then
                have=$(printf '%s\n' ${slide_sections[$deck/$s]} | sort -u | sed 's/:\*$//; s/:/ §/' | paste -sd, - | sed 's/,/, /g')
                echo "$where: $deck slide $s: docs/slides.md does not give it to lesson $nn §$k (its rows link: ${have:-nothing})"
                status=1
            fi
        done
    done
}
# check_pending [TITLE]: the citations waiting for a title (pending: "DECK NUMS", blanks as _).
check_pending() {
    local c d m
    for c in "${pending[@]}"; do
        read -r d m <<<"$c"
        check_citation "$where" "$nn" "$k" "$d" "${m//_/ }" "$@"
    done
    pending=()
}
for expected in "$root"/lessons/[0-9][0-9]_*/expected.txt; do
    nn=$(basename "$(dirname "$expected")") nn=${nn%%_*}
    line_no=0
    while IFS= read -r text; do
        line_no=$((line_no + 1))
        [[ $text =~ ^==\ ([0-9]+)\.\ (.*)\ ==$ ]] || continue
        k=${BASH_REMATCH[1]} rest=${BASH_REMATCH[2]}
        where="lessons/${expected#"$root"/lessons/}:$line_no (§$k)"
        pending=()  # the citations a following quoted title applies to
        while [[ $rest =~ $deck_re ]]; do
            deck=${BASH_REMATCH[1]} after=${BASH_REMATCH[2]}
            before=${rest:0:$((${#rest} - ${#deck} - ${#after}))}
            # A citation joined to the one before it by " and " shares its title; anything else
            # between them starts afresh.
            [[ $before == " and " ]] || check_pending
            if [[ ! $after =~ $nums_re ]]; then
                echo "$where: names $deck without a slide number (write \"$deck slide N\", as docs/slides.md numbers them)"
                status=1
                rest=$after
                continue
            fi
            nums=${BASH_REMATCH[1]} rest=${BASH_REMATCH[6]}
            pending+=("$deck ${nums// /_}")
            if [[ $rest =~ ^,\ \"([^\"]*)\"(.*)$ ]]; then
                title=${BASH_REMATCH[1]} rest=${BASH_REMATCH[2]}
                check_pending "$title"
            fi
        done
        check_pending
    done <"$expected"
done

grep -q '](docs/slides.md)' "$root/README.md" || { echo "README.md does not link docs/slides.md"; status=1; }

[[ $rows -gt 0 && $refs -gt 0 ]] || { echo "docs/slides.md: no rows or no lesson links found"; status=1; }
[[ $status == 0 ]] && echo "docs/slides.md: ${#decks[@]} decks, $rows rows, $refs lesson links, $cited slides cited by the lessons' headings, all consistent"
exit $status
