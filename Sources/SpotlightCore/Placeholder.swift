// SpotlightCore
