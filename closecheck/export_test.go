package closecheck

// StandardRegistry describes the registry closecheck applies to packages that
// import no generated package.
func StandardRegistry() string { return standard.String() }
