#!/usr/bin/env bash
# Keeps docs/slides.md, the slide-by-slide map of the decks, true to the lessons:
#   - every lesson it links ([NN §K](NN-slug.md)) has its folder lessons/NN_*, its docs page, and for
#     each section K (a range "§1–3" names 1, 2 and 3) a heading "== K. " in its expected.txt;
#   - every row of a deck's table has a status (reproduced, explained, concept, not covered or —), and
#     a "not covered" row gives its reason in the last column;
#   - the summary table (between <!-- summary --> and <!-- end summary -->) counts the rows of each
#     deck's table (between <!-- deck NAME --> and <!-- end deck -->), and its "all" row adds them up;
#   - the README links the page.
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

link='\[([^]]*)\]\(([^)]*)\)(.*)$'  # [text](target) rest
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
    rest=${cells[3]}
    while [[ $rest =~ $link ]]; do
        ref_text=${BASH_REMATCH[1]} ref_target=${BASH_REMATCH[2]} rest=${BASH_REMATCH[3]}
        check_ref "$n" "$where" "$ref_text" "$ref_target"
    done
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
grep -q '](docs/slides.md)' "$root/README.md" || { echo "README.md does not link docs/slides.md"; status=1; }

[[ $rows -gt 0 && $refs -gt 0 ]] || { echo "docs/slides.md: no rows or no lesson links found"; status=1; }
[[ $status == 0 ]] && echo "docs/slides.md: ${#decks[@]} decks, $rows rows, $refs lesson links, all consistent"
exit $status
