// mockttp checks isSupported() and falls back to its default TLS fingerprint without it.
module.exports = {}
