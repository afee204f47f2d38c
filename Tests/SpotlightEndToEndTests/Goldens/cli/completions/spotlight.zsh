#compdef spotlight

__spotlight_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__spotlight_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __spotlight_complete "${completions[@]:0:-1}"
    fi
}

__spotlight_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_spotlight() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'board:The interactive board (the default): browse, search, post, upvote and give medallions; managers pin, hide and remove.'
            'init:Create a new, empty board; you become its first manager.'
            'post:Post a success story (the body comes from --body or standard input).'
            'list:List stories (hot, new or top).'
            'show:Show one story in full.'
            'upvote:Upvote a story (once per person).'
            'unvote:Withdraw your upvote.'
            'medal:Give one of your yearly medallions to a story'\''s hero.'
            'pin:Pin a story to the wall (managers).'
            'unpin:Unpin a story (managers).'
            'hide:Hide a story from the wall and lists (managers).'
            'unhide:Show a hidden story again (managers).'
            'remove:Remove a story for good (managers); it stays in the audit log and exports.'
            'managers:List, add or remove the board'\''s managers.'
            'settings:Show or change the board'\''s settings (changing needs a manager).'
            'export:Write the whole board as JSON (lossless backup) or its stories as CSV.'
            'import:Restore a JSON export into a board that has no stories yet.'
            'wall:The full-screen rotating wall for a lobby or break-room display.'
            'snapshot:Print one wall frame as plain text (for login banners, chat and tests).'
            'themes:List the available themes or preview one.'
            'demo:Fill a new board with about 30 sample stories to try things out.'
            'doctor:Check the board (its filesystem and shared-group permissions), your account, the terminal and the locale, and say what to fix.'
            'awards:Excellence in Service: each department'\''s most recognised person or team of the year.'
            'newsletter:Write an issue of the service newsletter: highlights, top stories by department, medallions, newcomers.'
            'stats:Board statistics: stories, votes and medallions per week, departments, customers, people.'
            'news:What is new since your last visit: new stories (about you first) and the votes and medallions your stories got.'
            'cert:Customer-service certification: programs, the level 1 quiz, levels granted by managers.'
            'serve:Run the board broker: own the board and serve members over a Unix socket.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        board|init|post|list|show|upvote|unvote|medal|pin|unpin|hide|unhide|remove|managers|settings|export|import|wall|snapshot|themes|demo|doctor|awards|newsletter|stats|news|cert|serve|help)
            "_spotlight_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_spotlight_board() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--theme[Theme name (default\: the board'\''s setting).]:theme:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_init() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--name[The board'\''s name, shown in the wall'\''s header.]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_post() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--title[Headline, 1–120 characters.]:title:'
        '--hero[Who is recognised\: a person or a team.]:hero:'
        '--department[The hero'\''s department.]:department:'
        '--customer[external or internal.]:customer:'
        '*--tag[A tag such as above-and-beyond; repeat for more.]:tag:'
        '--on-behalf-of[The colleague who told the story, when posting for them.]:on-behalf-of:'
        '--body[The story, up to 4000 characters. Without it, read from standard input.]:body:'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_list() {
    local -i ret=1
    local -ar ___sort=('hot' 'new' 'top')
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--sort[Order\: hot (recognition against age), new, or top.]:sort:{__spotlight_complete "${___sort[@]}"}'
        '--limit[How many stories to show (1–1000).]:limit:'
        '--department[Only stories from this department.]:department:'
        '--search[Full-text search over title, body, hero and tags.]:search:'
        '--include-hidden[Include hidden stories (managers only).]'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_show() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_upvote() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_unvote() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_medal() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--revoke[Take back the medallion you gave this story (within 24 hours).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_pin() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--until[When the pin ends\: friday, tomorrow, 2026-12-01, 2026-12-01T17\:00, or 12h / 3d / 2w (at most the board'\''s max-pin-days, which is also the default).]:until:'
        '--note[A note shown with the pin, up to 120 characters.]:note:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_unpin() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_hide() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_unhide() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_remove() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':id:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_managers() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'list:List the managers.'
            'add:Make an account a manager (managers only).'
            'remove:Remove a manager (managers only; never the last one).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|add|remove)
            "_spotlight_managers_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_spotlight_managers_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_managers_add() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':login:'
        '--force[Add the login even though no such account exists on this host (yet).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_managers_remove() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':login:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_settings() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':key:'
        ':value:'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_export() {
    local -i ret=1
    local -ar ___format=('json' 'csv')
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--format[json (everything, for `spotlight import`) or csv (stories, for spreadsheets).]:format:{__spotlight_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file instead of standard output.]:output:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_import() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_wall() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--kiosk[Lobby mode\: ignore stray keys; only the unlock word quits.]'
        '--interval[Seconds per story before reading-length adjustment (default\: the board'\''s setting).]:interval:'
        '--theme[Theme name (default\: the board'\''s setting; service-week during Customer Service Week).]:theme:'
        '--unlock[In kiosk mode, the word to type to quit.]:unlock:'
        '--demo[Show a demo board (made on first use next to the default board) instead of yours.]'
        '--stats[Give one slot in six to board statistics (stories per week, departments, most recognised).]'
        '--reel[Play the period'\''s top stories once, as a celebration reel, then exit.]'
        '--since[With --reel\: first day of the period (YYYY-MM-DD; default 29 days before --until).]:since:'
        '--until[With --reel\: last day of the period (YYYY-MM-DD; default today).]:until:'
        '--count[With --reel\: how many top stories to play.]:count:'
        '--no-big-type[Draw headlines as normal text even on a large screen (no big type from Unifont).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_snapshot() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--width[Columns (10–300).]:width:'
        '--height[Rows (5–100).]:height:'
        '--theme[Theme whose border, banner and icons to use.]:theme:'
        '--ascii[ASCII only (the default when the locale is not UTF-8).]'
        '--no-big-type[Draw the headline as normal text even at TV sizes (no big type from Unifont).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_themes() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'list:List themes and where each comes from.'
            'show:Check a theme and preview a wall frame drawn with it.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        list|show)
            "_spotlight_themes_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_spotlight_themes_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_themes_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':name:'
        '--width[Preview width.]:width:'
        '--height[Preview height.]:height:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_demo() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_doctor() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_awards() {
    local -i ret=1
    local -ar ___format=('text' 'markdown')
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--year[The calendar year (default\: this year, up to today).]:year:'
        '--customer[Only stories for internal or external customers.]:customer:'
        '--format[text (an aligned table) or markdown.]:format:{__spotlight_complete "${___format[@]}"}'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_newsletter() {
    local -i ret=1
    local -ar ___format=('markdown' 'html' 'text')
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--since[First day of the period (default\: 29 days before --until).]:YYYY-MM-DD:'
        '--until[Last day of the period (default\: today).]:YYYY-MM-DD:'
        '--format[markdown, html or text (default\: from the -o file'\''s extension, else markdown).]:format:{__spotlight_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file instead of standard output.]:output:'
        '--service-week[The Customer Service Week special issue of that year (Monday–Friday).]:year:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_stats() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--weeks[How many weeks to cover, this week included (1–520).]:weeks:'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_news() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--banner[One line for a login banner (nothing when there is nothing new).]'
        '--json[Print JSON instead of text (control characters escaped).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'program:Add, list or show certification programs.'
            'quiz:Take a program'\''s level 1 quiz, full-screen; a pass records level 1 for you.'
            'grant:Grant a level (2 and up) of a program to someone (managers only).'
            'revoke:Take back a level within 24 hours (managers only; a grant only by its granter).'
            'list:List someone'\''s certifications, or the board'\''s most recent ones.'
            'letter:Write the letter home announcing a certification (one print-ready HTML file).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        program|quiz|grant|revoke|list|letter)
            "_spotlight_cert_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_spotlight_cert_program() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'add:Add a program from its TOML file (managers only).'
            'list:List the board'\''s programs.'
            'show:Show a program'\''s levels (and, for managers, its quiz with the answers).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        add|list|show)
            "_spotlight_cert_program_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_spotlight_cert_program_add() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert_program_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert_program_show() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':name:'
        '--answers[Also show every question with its answers, the correct one marked (managers only).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert_quiz() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':program:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert_grant() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':login:'
        ':program:'
        ':level:'
        '--note[Why\: shown with the certification and in the letter home.]:note:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert_revoke() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':login:'
        ':program:'
        ':level:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':login:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_cert_letter() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file, or a broker'\''s socket as unix\:/path (default\: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).]:path:'
        ':login:'
        ':program:'
        ':level:'
        '(--output -o)'{--output,-o}'[Write to this file instead of standard output.]:output:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_serve() {
    local -i ret=1
    local -ar arg_specs=(
        '--board[The board file the broker owns (created if missing).]:path:'
        '--store[A PostgreSQL database to keep the board in instead of a file, shared by every office'\''s broker\: postgresql\://\[role@\]host\[\:port\]/database\[?sslrootcert=CA\] or postgresql\://\[role@\]/database?host=SOCKET-DIRECTORY.]:url:'
        '--store-password-file[A file holding the PostgreSQL role'\''s password (owned by the service account, mode 0600); none for peer authentication over a local socket.]:file:'
        '--socket[The socket to listen on.]:path:'
        '--socket-mode[The socket'\''s file mode, in octal.]:mode:'
        '--socket-group[The group whose members may connect (default\: the broker'\''s own group).]:group:'
        '--name[The board'\''s name when the broker creates it.]:name:'
        '--adopt[A shared-file board to move behind the broker, losslessly (the board must be new or empty).]:file:'
        '--max-connections[Open connections in all (default 1024).]:n:'
        '--max-connections-per-account[Open connections of one account (default 64; a wall or board holds two).]:n:'
        '--writes-per-second[Writes one account may sustain per second, after a burst of three times as many (default 10).]:n:'
        '--adopt-only[Adopt the board given with --adopt, then exit without serving.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_spotlight_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _spotlight ]]; then
    _spotlight "${@}"
else
    compdef _spotlight spotlight
fi
