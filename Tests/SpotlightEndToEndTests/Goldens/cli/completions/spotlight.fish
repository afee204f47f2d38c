function __spotlight_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __spotlight_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __spotlight_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __spotlight_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __spotlight_parse_tokens -S
    set -l unparsed_tokens (__spotlight_tokens -pc)
    switch $unparsed_tokens[1]
    case 'spotlight'
        __spotlight_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'board'
            __spotlight_parse_subcommand 0 'board=' 'theme=' 'version' 'h/help'
        case 'init'
            __spotlight_parse_subcommand 0 'board=' 'name=' 'version' 'h/help'
        case 'post'
            __spotlight_parse_subcommand 0 'board=' 'title=' 'hero=' 'department=' 'customer=' 'tag=+' 'on-behalf-of=' 'body=' 'json' 'version' 'h/help'
        case 'list'
            __spotlight_parse_subcommand 0 'board=' 'sort=' 'limit=' 'department=' 'search=' 'include-hidden' 'json' 'version' 'h/help'
        case 'show'
            __spotlight_parse_subcommand 1 'board=' 'json' 'version' 'h/help'
        case 'upvote'
            __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
        case 'unvote'
            __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
        case 'medal'
            __spotlight_parse_subcommand 1 'board=' 'revoke' 'version' 'h/help'
        case 'pin'
            __spotlight_parse_subcommand 1 'board=' 'until=' 'note=' 'version' 'h/help'
        case 'unpin'
            __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
        case 'hide'
            __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
        case 'unhide'
            __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
        case 'remove'
            __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
        case 'managers'
            __spotlight_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __spotlight_parse_subcommand 0 'board=' 'json' 'version' 'h/help'
            case 'add'
                __spotlight_parse_subcommand 1 'board=' 'force' 'version' 'h/help'
            case 'remove'
                __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
            end
        case 'settings'
            __spotlight_parse_subcommand 2 'board=' 'json' 'version' 'h/help'
        case 'export'
            __spotlight_parse_subcommand 0 'board=' 'format=' 'o/output=' 'version' 'h/help'
        case 'import'
            __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
        case 'wall'
            __spotlight_parse_subcommand 0 'board=' 'kiosk' 'interval=' 'theme=' 'unlock=' 'demo' 'stats' 'reel' 'since=' 'until=' 'count=' 'no-big-type' 'version' 'h/help'
        case 'snapshot'
            __spotlight_parse_subcommand 0 'board=' 'width=' 'height=' 'theme=' 'ascii' 'no-big-type' 'version' 'h/help'
        case 'themes'
            __spotlight_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __spotlight_parse_subcommand 0 'version' 'h/help'
            case 'show'
                __spotlight_parse_subcommand 1 'width=' 'height=' 'version' 'h/help'
            end
        case 'demo'
            __spotlight_parse_subcommand 0 'board=' 'version' 'h/help'
        case 'doctor'
            __spotlight_parse_subcommand 0 'board=' 'version' 'h/help'
        case 'awards'
            __spotlight_parse_subcommand 0 'board=' 'year=' 'customer=' 'format=' 'json' 'version' 'h/help'
        case 'newsletter'
            __spotlight_parse_subcommand 0 'board=' 'since=' 'until=' 'format=' 'o/output=' 'service-week=' 'version' 'h/help'
        case 'stats'
            __spotlight_parse_subcommand 0 'board=' 'weeks=' 'json' 'version' 'h/help'
        case 'news'
            __spotlight_parse_subcommand 0 'board=' 'banner' 'json' 'version' 'h/help'
        case 'cert'
            __spotlight_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'program'
                __spotlight_parse_subcommand 0 'version' 'h/help'
                switch $unparsed_tokens[1]
                case 'add'
                    __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
                case 'list'
                    __spotlight_parse_subcommand 0 'board=' 'version' 'h/help'
                case 'show'
                    __spotlight_parse_subcommand 1 'board=' 'answers' 'version' 'h/help'
                end
            case 'quiz'
                __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
            case 'grant'
                __spotlight_parse_subcommand 3 'board=' 'note=' 'version' 'h/help'
            case 'revoke'
                __spotlight_parse_subcommand 3 'board=' 'version' 'h/help'
            case 'list'
                __spotlight_parse_subcommand 1 'board=' 'version' 'h/help'
            case 'letter'
                __spotlight_parse_subcommand 3 'board=' 'o/output=' 'version' 'h/help'
            end
        case 'serve'
            __spotlight_parse_subcommand 0 'board=' 'store=' 'store-password-file=' 'socket=' 'socket-mode=' 'socket-group=' 'name=' 'adopt=' 'max-connections=' 'max-connections-per-account=' 'writes-per-second=' 'adopt-only' 'version' 'h/help'
        case 'help'
            __spotlight_parse_subcommand -r 1 'version'
        end
    end
end

function __spotlight_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __spotlight_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __spotlight_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __spotlight_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__spotlight_tokens -p)
    if test -z "$(__spotlight_tokens -t)"
        set -l index (count (__spotlight_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'spotlight' -f
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'board' -d 'The interactive board (the default): browse, search, post, upvote and give medallions; managers pin, hide and remove.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'init' -d 'Create a new, empty board; you become its first manager.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'post' -d 'Post a success story (the body comes from --body or standard input).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'list' -d 'List stories (hot, new or top).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'show' -d 'Show one story in full.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'upvote' -d 'Upvote a story (once per person).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'unvote' -d 'Withdraw your upvote.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'medal' -d 'Give one of your yearly medallions to a story\'s hero.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'pin' -d 'Pin a story to the wall (managers).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'unpin' -d 'Unpin a story (managers).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'hide' -d 'Hide a story from the wall and lists (managers).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'unhide' -d 'Show a hidden story again (managers).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'remove' -d 'Remove a story for good (managers); it stays in the audit log and exports.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'managers' -d 'List, add or remove the board\'s managers.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'settings' -d 'Show or change the board\'s settings (changing needs a manager).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'export' -d 'Write the whole board as JSON (lossless backup) or its stories as CSV.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'import' -d 'Restore a JSON export into a board that has no stories yet.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'wall' -d 'The full-screen rotating wall for a lobby or break-room display.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'snapshot' -d 'Print one wall frame as plain text (for login banners, chat and tests).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'themes' -d 'List the available themes or preview one.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'demo' -d 'Fill a new board with about 30 sample stories to try things out.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'doctor' -d 'Check the board (its filesystem and shared-group permissions), your account, the terminal and the locale, and say what to fix.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'awards' -d 'Excellence in Service: each department\'s most recognised person or team of the year.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'newsletter' -d 'Write an issue of the service newsletter: highlights, top stories by department, medallions, newcomers.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'stats' -d 'Board statistics: stories, votes and medallions per week, departments, customers, people.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'news' -d 'What is new since your last visit: new stories (about you first) and the votes and medallions your stories got.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'cert' -d 'Customer-service certification: programs, the level 1 quiz, levels granted by managers.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'serve' -d 'Run the board broker: own the board and serve members over a Unix socket.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight board" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight board" theme' -l 'theme' -d 'Theme name (default: the board\'s setting).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight board" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight board" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight init" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight init" name' -l 'name' -d 'The board\'s name, shown in the wall\'s header.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight init" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" title' -l 'title' -d 'Headline, 1–120 characters.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" hero' -l 'hero' -d 'Who is recognised: a person or a team.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" department' -l 'department' -d 'The hero\'s department.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" customer' -l 'customer' -d 'external or internal.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post"' -l 'tag' -d 'A tag such as above-and-beyond; repeat for more.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" on-behalf-of' -l 'on-behalf-of' -d 'The colleague who told the story, when posting for them.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" body' -l 'body' -d 'The story, up to 4000 characters. Without it, read from standard input.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight post" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" sort' -l 'sort' -d 'Order: hot (recognition against age), new, or top.' -rfka 'hot new top'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" limit' -l 'limit' -d 'How many stories to show (1–1000).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" department' -l 'department' -d 'Only stories from this department.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" search' -l 'search' -d 'Full-text search over title, body, hero and tags.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" include-hidden' -l 'include-hidden' -d 'Include hidden stories (managers only).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight show" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight show" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight show" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight upvote" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight upvote" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight upvote" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unvote" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unvote" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unvote" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight medal" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight medal" revoke' -l 'revoke' -d 'Take back the medallion you gave this story (within 24 hours).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight medal" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight medal" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight pin" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight pin" until' -l 'until' -d 'When the pin ends: friday, tomorrow, 2026-12-01, 2026-12-01T17:00, or 12h / 3d / 2w (at most the board\'s max-pin-days, which is also the default).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight pin" note' -l 'note' -d 'A note shown with the pin, up to 120 characters.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight pin" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight pin" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unpin" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unpin" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unpin" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight hide" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight hide" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight hide" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unhide" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unhide" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight unhide" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight remove" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight remove" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight managers" -eq 1' -fa 'list' -d 'List the managers.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight managers" -eq 1' -fa 'add' -d 'Make an account a manager (managers only).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight managers" -eq 1' -fa 'remove' -d 'Remove a manager (managers only; never the last one).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers list" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers list" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers list" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers add" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers add" force' -l 'force' -d 'Add the login even though no such account exists on this host (yet).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers add" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers remove" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers remove" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight managers remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight settings" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight settings" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight settings" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight settings" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight export" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight export" format' -l 'format' -d 'json (everything, for `spotlight import`) or csv (stories, for spreadsheets).' -rfka 'json csv'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight export" o output' -l 'output' -s 'o' -d 'Write to this file instead of standard output.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight export" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight import" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight import" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" kiosk' -l 'kiosk' -d 'Lobby mode: ignore stray keys; only the unlock word quits.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" interval' -l 'interval' -d 'Seconds per story before reading-length adjustment (default: the board\'s setting).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" theme' -l 'theme' -d 'Theme name (default: the board\'s setting; service-week during Customer Service Week).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" unlock' -l 'unlock' -d 'In kiosk mode, the word to type to quit.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" demo' -l 'demo' -d 'Show a demo board (made on first use next to the default board) instead of yours.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" stats' -l 'stats' -d 'Give one slot in six to board statistics (stories per week, departments, most recognised).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" reel' -l 'reel' -d 'Play the period\'s top stories once, as a celebration reel, then exit.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" since' -l 'since' -d 'With --reel: first day of the period (YYYY-MM-DD; default 29 days before --until).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" until' -l 'until' -d 'With --reel: last day of the period (YYYY-MM-DD; default today).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" count' -l 'count' -d 'With --reel: how many top stories to play.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" no-big-type' -l 'no-big-type' -d 'Draw headlines as normal text even on a large screen (no big type from Unifont).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight wall" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" width' -l 'width' -d 'Columns (10–300).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" height' -l 'height' -d 'Rows (5–100).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" theme' -l 'theme' -d 'Theme whose border, banner and icons to use.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" ascii' -l 'ascii' -d 'ASCII only (the default when the locale is not UTF-8).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" no-big-type' -l 'no-big-type' -d 'Draw the headline as normal text even at TV sizes (no big type from Unifont).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight snapshot" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight themes" -eq 1' -fa 'list' -d 'List themes and where each comes from.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight themes" -eq 1' -fa 'show' -d 'Check a theme and preview a wall frame drawn with it.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes list" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes show" width' -l 'width' -d 'Preview width.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes show" height' -l 'height' -d 'Preview height.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes show" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight themes show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight demo" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight demo" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight doctor" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight doctor" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight doctor" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight awards" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight awards" year' -l 'year' -d 'The calendar year (default: this year, up to today).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight awards" customer' -l 'customer' -d 'Only stories for internal or external customers.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight awards" format' -l 'format' -d 'text (an aligned table) or markdown.' -rfka 'text markdown'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight awards" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight awards" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight awards" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" since' -l 'since' -d 'First day of the period (default: 29 days before --until).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" until' -l 'until' -d 'Last day of the period (default: today).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" format' -l 'format' -d 'markdown, html or text (default: from the -o file\'s extension, else markdown).' -rfka 'markdown html text'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" o output' -l 'output' -s 'o' -d 'Write to this file instead of standard output.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" service-week' -l 'service-week' -d 'The Customer Service Week special issue of that year (Monday–Friday).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight newsletter" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight stats" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight stats" weeks' -l 'weeks' -d 'How many weeks to cover, this week included (1–520).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight stats" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight stats" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight news" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight news" banner' -l 'banner' -d 'One line for a login banner (nothing when there is nothing new).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight news" json' -l 'json' -d 'Print JSON instead of text (control characters escaped).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight news" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight news" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert" -eq 1' -fa 'program' -d 'Add, list or show certification programs.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert" -eq 1' -fa 'quiz' -d 'Take a program\'s level 1 quiz, full-screen; a pass records level 1 for you.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert" -eq 1' -fa 'grant' -d 'Grant a level (2 and up) of a program to someone (managers only).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert" -eq 1' -fa 'revoke' -d 'Take back a level within 24 hours (managers only; a grant only by its granter).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert" -eq 1' -fa 'list' -d 'List someone\'s certifications, or the board\'s most recent ones.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert" -eq 1' -fa 'letter' -d 'Write the letter home announcing a certification (one print-ready HTML file).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert program" -eq 1' -fa 'add' -d 'Add a program from its TOML file (managers only).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert program" -eq 1' -fa 'list' -d 'List the board\'s programs.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_positional "spotlight cert program" -eq 1' -fa 'show' -d 'Show a program\'s levels (and, for managers, its quiz with the answers).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program add" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program add" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program list" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program list" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program show" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program show" answers' -l 'answers' -d 'Also show every question with its answers, the correct one marked (managers only).'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program show" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert program show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert quiz" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert quiz" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert quiz" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert grant" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert grant" note' -l 'note' -d 'Why: shown with the certification and in the letter home.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert grant" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert grant" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert revoke" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert revoke" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert revoke" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert list" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert list" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert letter" board' -l 'board' -d 'The board file, or a broker\'s socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert letter" o output' -l 'output' -s 'o' -d 'Write to this file instead of standard output.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert letter" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight cert letter" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" board' -l 'board' -d 'The board file the broker owns (created if missing).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" store' -l 'store' -d 'A PostgreSQL database to keep the board in instead of a file, shared by every office\'s broker: postgresql://[role@]host[:port]/database[?sslrootcert=CA] or postgresql://[role@]/database?host=SOCKET-DIRECTORY.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" store-password-file' -l 'store-password-file' -d 'A file holding the PostgreSQL role\'s password (owned by the service account, mode 0600); none for peer authentication over a local socket.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" socket' -l 'socket' -d 'The socket to listen on.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" socket-mode' -l 'socket-mode' -d 'The socket\'s file mode, in octal.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" socket-group' -l 'socket-group' -d 'The group whose members may connect (default: the broker\'s own group).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" name' -l 'name' -d 'The board\'s name when the broker creates it.' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" adopt' -l 'adopt' -d 'A shared-file board to move behind the broker, losslessly (the board must be new or empty).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" max-connections' -l 'max-connections' -d 'Open connections in all (default 1024).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" max-connections-per-account' -l 'max-connections-per-account' -d 'Open connections of one account (default 64; a wall or board holds two).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" writes-per-second' -l 'writes-per-second' -d 'Writes one account may sustain per second, after a burst of three times as many (default 10).' -rfka ''
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" adopt-only' -l 'adopt-only' -d 'Adopt the board given with --adopt, then exit without serving.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" version' -l 'version' -d 'Show the version.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'spotlight' -n '__spotlight_should_offer_completions_for_flags_or_options "spotlight help" version' -l 'version' -d 'Show the version.'
