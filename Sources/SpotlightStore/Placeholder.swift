// SpotlightStore
