package breaking

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats are the forms Write prints findings in.
var Formats = []string{"text", "github", "json"}

// GitHub Actions reads a workflow command to the end of its line, and each property to the next comma.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// Write prints findings in format: "text", a line FILE:LINE:COL: ID (CATEGORY): message each;
// "github", GitHub Actions annotations, notices for INFO and errors for the others; "json", a list
// of Finding objects.
func Write(w io.Writer, findings []Finding, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(append([]Finding{}, findings...))
	}
	for _, f := range findings {
		line := fmt.Sprintf("%s:%d:%d: %s (%s): %s\n", f.File, f.Line, f.Col, f.ID, f.Category, f.Message)
		if format == "github" {
			level := "error"
			if f.Category == "INFO" {
				level = "notice"
			}
			line = fmt.Sprintf("::%s file=%s,line=%d,col=%d,title=%s::%s\n", level, githubProperty.Replace(f.File),
				f.Line, f.Col, githubProperty.Replace(f.ID+" ("+f.Category+")"), githubData.Replace(f.Message))
		}
		if _, err := io.WriteString(w, line); err != nil {
			return err
		}
	}
	return nil
}
