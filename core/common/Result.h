#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace atalaya {

// The exit codes of docs/CLI.md; core errors carry one so every front end reports the same thing.
enum class ErrorCode : int {
    Usage = 2,  // bad usage or invalid input
    NotFound = 3,  // telemetry id, agent, cycle
    Unavailable = 4,  // database unreachable, authentication, privileges
    NoModel = 5,  // model not trained / too little data
    GateFailed = 6,  // validation checks, --fail-above, --fail-on
    Conflict = 7,  // someone else wrote meanwhile (GUI only; the CLI never asks)
    Internal = 1,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;  // one sentence: what failed and what to do
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

// A value or the reason there is none. std::expected is C++23; this is the part we need.
template <typename T> class Result {
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <> class Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

}  // namespace atalaya
