// SpotlightTerminal
