"""Operations: metrics and the /healthz and /metrics server (`metrics`)."""
