#!/bin/bash

__spotlight_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__spotlight_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__spotlight_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__spotlight_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_spotlight() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __spotlight_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    board|init|post|list|show|upvote|unvote|medal|pin|unpin|hide|unhide|remove|managers|settings|export|import|wall|snapshot|themes|demo|doctor|awards|newsletter|stats|news|cert|serve|help)
        # Offer subcommand argument completions
        "_spotlight_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'board init post list show upvote unvote medal pin unpin hide unhide remove managers settings export import wall snapshot themes demo doctor awards newsletter stats news cert serve help' -- "${cur}"))
        ;;
    esac
}

_spotlight_board() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board --theme)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--theme')
        return
        ;;
    esac
}

_spotlight_init() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board --name)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--name')
        return
        ;;
    esac
}

_spotlight_post() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--tag)
    non_repeating_options=(--board --title --hero --department --customer --on-behalf-of --body)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--title')
        return
        ;;
    '--hero')
        return
        ;;
    '--department')
        return
        ;;
    '--customer')
        return
        ;;
    '--tag')
        return
        ;;
    '--on-behalf-of')
        return
        ;;
    '--body')
        return
        ;;
    esac
}

_spotlight_list() {
    repeating_flags=()
    non_repeating_flags=(--include-hidden --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--board --sort --limit --department --search)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--sort')
        __spotlight_add_completions -W 'hot'$'\n''new'$'\n''top'
        return
        ;;
    '--limit')
        return
        ;;
    '--department')
        return
        ;;
    '--search')
        return
        ;;
    esac
}

_spotlight_show() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_upvote() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_unvote() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_medal() {
    repeating_flags=()
    non_repeating_flags=(--revoke --version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_pin() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board --until --note)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--until')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_spotlight_unpin() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_hide() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_unhide() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_remove() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_managers() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __spotlight_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|remove)
        # Offer subcommand argument completions
        "_spotlight_managers_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add remove' -- "${cur}"))
        ;;
    esac
}

_spotlight_managers_list() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_managers_add() {
    repeating_flags=()
    non_repeating_flags=(--force --version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_managers_remove() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_settings() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_export() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board --format --output -o)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--format')
        __spotlight_add_completions -W 'json'$'\n''csv'
        return
        ;;
    '--output'|'-o')
        return
        ;;
    esac
}

_spotlight_import() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_wall() {
    repeating_flags=()
    non_repeating_flags=(--kiosk --demo --stats --reel --no-big-type --version -h --help)
    repeating_options=()
    non_repeating_options=(--board --interval --theme --unlock --since --until --count)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--interval')
        return
        ;;
    '--theme')
        return
        ;;
    '--unlock')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--count')
        return
        ;;
    esac
}

_spotlight_snapshot() {
    repeating_flags=()
    non_repeating_flags=(--ascii --no-big-type --version -h --help)
    repeating_options=()
    non_repeating_options=(--board --width --height --theme)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--width')
        return
        ;;
    '--height')
        return
        ;;
    '--theme')
        return
        ;;
    esac
}

_spotlight_themes() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __spotlight_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show)
        # Offer subcommand argument completions
        "_spotlight_themes_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show' -- "${cur}"))
        ;;
    esac
}

_spotlight_themes_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __spotlight_offer_flags_options 0
}

_spotlight_themes_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--width --height)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--width')
        return
        ;;
    '--height')
        return
        ;;
    esac
}

_spotlight_demo() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_doctor() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_awards() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--board --year --customer --format)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--year')
        return
        ;;
    '--customer')
        return
        ;;
    '--format')
        __spotlight_add_completions -W 'text'$'\n''markdown'
        return
        ;;
    esac
}

_spotlight_newsletter() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board --since --until --format --output -o --service-week)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--format')
        __spotlight_add_completions -W 'markdown'$'\n''html'$'\n''text'
        return
        ;;
    '--output'|'-o')
        return
        ;;
    '--service-week')
        return
        ;;
    esac
}

_spotlight_stats() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--board --weeks)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--weeks')
        return
        ;;
    esac
}

_spotlight_news() {
    repeating_flags=()
    non_repeating_flags=(--banner --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_cert() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __spotlight_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    program|quiz|grant|revoke|list|letter)
        # Offer subcommand argument completions
        "_spotlight_cert_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'program quiz grant revoke list letter' -- "${cur}"))
        ;;
    esac
}

_spotlight_cert_program() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __spotlight_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|show)
        # Offer subcommand argument completions
        "_spotlight_cert_program_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list show' -- "${cur}"))
        ;;
    esac
}

_spotlight_cert_program_add() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_cert_program_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_cert_program_show() {
    repeating_flags=()
    non_repeating_flags=(--answers --version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_cert_quiz() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_cert_grant() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board --note)
    __spotlight_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_spotlight_cert_revoke() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_cert_list() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board)
    __spotlight_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    esac
}

_spotlight_cert_letter() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--board --output -o)
    __spotlight_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--output'|'-o')
        return
        ;;
    esac
}

_spotlight_serve() {
    repeating_flags=()
    non_repeating_flags=(--adopt-only --version -h --help)
    repeating_options=()
    non_repeating_options=(--board --store --store-password-file --socket --socket-mode --socket-group --name --adopt --max-connections --max-connections-per-account --writes-per-second)
    __spotlight_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--board')
        return
        ;;
    '--store')
        return
        ;;
    '--store-password-file')
        return
        ;;
    '--socket')
        return
        ;;
    '--socket-mode')
        return
        ;;
    '--socket-group')
        return
        ;;
    '--name')
        return
        ;;
    '--adopt')
        return
        ;;
    '--max-connections')
        return
        ;;
    '--max-connections-per-account')
        return
        ;;
    '--writes-per-second')
        return
        ;;
    esac
}

_spotlight_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __spotlight_offer_flags_options -1
}

complete -o filenames -F _spotlight spotlight
