package secrets

import (
	"strings"
	"unicode"
)

// credential words: a name holding one of them (as a whole word) names a credential.
var credWords = map[string]bool{"password": true, "passwd": true, "pwd": true, "pass": true, "passphrase": true,
	"secret": true, "token": true, "apikey": true, "credential": true, "credentials": true, "creds": true,
	"bearer": true, "jwt": true, "privatekey": true, "authstring": true}

// "key" names a credential only after one of these words (api_key, secret_key, fernetKey).
var keyQualifiers = map[string]bool{"api": true, "secret": true, "private": true, "access": true,
	"fernet": true, "signing": true, "encryption": true, "master": true, "account": true, "client": true,
	"service": true, "auth": true, "app": true, "ssh": true, "sas": true, "storage": true, "subscription": true,
	"aes": true, "hmac": true, "webhook": true}

// words that turn a credential name into metadata about the credential (token_count, secret_name)
var notSecretWords = map[string]bool{"count": true, "len": true, "length": true, "num": true,
	"number": true, "size": true, "policy": true, "id": true, "ids": true, "name": true, "names": true,
	"path": true, "file": true, "filename": true, "dir": true, "type": true, "expiry": true, "expires": true,
	"expiration": true, "ttl": true, "timeout": true, "field": true, "header": true, "prefix": true,
	"suffix": true, "min": true, "max": true, "hash": true, "hashed": true, "masked": true, "env": true,
	"var": true, "arn": true, "ref": true, "version": true, "endpoint": true, "label": true, "format": true,
	"pattern": true, "regex": true, "is": true, "has": true, "use": true, "required": true, "require": true,
	"enabled": true, "enable": true, "rotation": true, "manager": true, "store": true, "backend": true,
	"provider": true, "class": true, "mask": true, "placeholder": true, "limit": true, "location": true,
	"generator": true, "block": true, "variable": true, "kwargs": true, "keys": true, "input": true,
	"prompt": true, "validator": true, "reset": true, "changed": true, "updated": true, "created": true,
	"at": true, "cmd": true, "command": true, "secretname": true, "existingsecret": true, "mount": true,
	"existing": true, "scope": true, "key": false, "url": true, "uri": true, "through": true, "pass_through": true, "passthrough": true}

// IsSecretName reports whether a variable, key or keyword name says it holds a credential:
// password, DB_PASSWORD, api_key, apiKey, AWS_SECRET_ACCESS_KEY, access_token, fernetKey,
// metadataConnection.pass's "pass"; but not token_count, password_file, secret_name, key_id,
// PASSWORD_CMD or existingSecret. Only the last component of a dotted name is read.
func IsSecretName(name string) bool {
	if i := strings.LastIndexAny(name, "./"); i >= 0 {
		name = name[i+1:]
	}
	words := splitWords(name)
	if n := len(words); n >= 2 {
		last, prev := words[n-1], words[n-2]
		// the name of a secret that holds the credential (password_secret, sshSecret,
		// passwordSecretKey, access_key_key), not the credential itself
		if last == "secret" && (credWords[prev] && prev != "jwt" || prev == "ssh" || prev == "user" || prev == "tls") ||
			(last == "key" || last == "name") && prev == "secret" && n >= 3 && words[n-3] != "api" && words[n-3] != "webserver" ||
			last == "key" && !keyQualifiers[prev] && prev != "secret" {
			return false
		}
	}
	found := false
	for i, w := range words {
		switch {
		case credWords[w]:
			found = true
		case (w == "key" || w == "keys") && i > 0 && keyQualifiers[words[i-1]]:
			found = true
		case notSecretWords[w]:
			return false
		}
	}
	return found
}

// splitWords splits snake_case, kebab-case and camelCase names into lower-case words.
func splitWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ' || r == ':':
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}
