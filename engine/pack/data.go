package pack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// dataFiles are the names of a pack's data files. As in OPA, one in the
// pack root is the pack's data; one in a subdirectory a/b sits under the
// keys a, b of it.
var dataFiles = map[string]bool{"data.json": true, "data.yaml": true, "data.yml": true}

// IsDataFile reports whether a file name (its base) is a data file.
func IsDataFile(name string) bool { return dataFiles[path.Base(name)] }

// readData reads every data file of the pack, in path order, merging them
// as OPA does: objects merge key by key, and a key two files both set to
// something other than an object is an error naming both.
func (p *Pack) readData(fsys fs.FS) error {
	var files []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && dataFiles[d.Name()] {
			files = append(files, name)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %v", p.Root, err)
	}
	owners := map[string]string{}
	for _, f := range files {
		v, err := decodeData(fsys, f)
		if err != nil {
			return fmt.Errorf("%s: %v", path.Join(p.Root, f), err)
		}
		var prefix []string
		if dir := path.Dir(f); dir != "." {
			prefix = strings.Split(dir, "/")
		}
		if p.Data == nil {
			p.Data = map[string]any{}
		}
		if err := mergeData(p.Data, prefix, v, f, owners); err != nil {
			return fmt.Errorf("%s: %v", p.Root, err)
		}
		p.DataFiles = append(p.DataFiles, f)
	}
	return nil
}

// decodeData reads one data file as a JSON object (YAML is converted to
// JSON's types: numbers become float64, keys must be strings).
func decodeData(fsys fs.FS, name string) (map[string]any, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	var v any
	if strings.HasSuffix(name, ".json") {
		dec := json.NewDecoder(bytes.NewReader(b))
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("not valid JSON: %v", err)
		}
		if dec.More() {
			return nil, fmt.Errorf("not valid JSON: more than one value")
		}
	} else {
		var y any
		if err := yaml.Unmarshal(b, &y); err != nil {
			return nil, fmt.Errorf("not valid YAML: %v", err)
		}
		j, err := json.Marshal(y)
		if err != nil {
			return nil, fmt.Errorf("cannot be read as JSON (are all keys strings?): %v", err)
		}
		if err := json.Unmarshal(j, &v); err != nil {
			return nil, err
		}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a data file must hold an object (keys and values), not %s", jsonKind(v))
	}
	return obj, nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "a list"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

// mergeData puts v under the keys prefix of into, merging objects.
// owners records which file set each leaf path, for conflict messages.
func mergeData(into map[string]any, prefix []string, v map[string]any, file string, owners map[string]string) error {
	cur := into
	for i, k := range prefix {
		next, ok := cur[k]
		if !ok {
			m := map[string]any{}
			cur[k] = m
			cur = m
			continue
		}
		m, isObj := next.(map[string]any)
		if !isObj {
			key := strings.Join(prefix[:i+1], ".")
			return fmt.Errorf("%s and %s both set %s", ownerOf(owners, key), file, key)
		}
		cur = m
	}
	return mergeObject(cur, v, strings.Join(prefix, "."), file, owners)
}

func mergeObject(into, v map[string]any, at, file string, owners map[string]string) error {
	for _, k := range sortedKeys(v) {
		key := k
		if at != "" {
			key = at + "." + k
		}
		prev, exists := into[k]
		pm, prevObj := prev.(map[string]any)
		vm, newObj := v[k].(map[string]any)
		switch {
		case !exists:
			into[k] = v[k]
			owners[key] = file
		case prevObj && newObj:
			if err := mergeObject(pm, vm, key, file, owners); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s and %s both set %s", ownerOf(owners, key), file, key)
		}
	}
	return nil
}

// ownerOf is the file that set key or the nearest object holding it.
func ownerOf(owners map[string]string, key string) string {
	for {
		if f, ok := owners[key]; ok {
			return f
		}
		i := strings.LastIndex(key, ".")
		if i < 0 {
			return "another data file"
		}
		key = key[:i]
	}
}
